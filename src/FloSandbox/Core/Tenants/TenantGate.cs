namespace FloSandbox.Core.Tenants;

/// Work on a tenant's money enters the gate shared (many at once); a reset enters it alone, after
/// everything inside has left and with nothing new let in meanwhile, so no settlement step straddles
/// a reset and ledger and chain agree after it.
public sealed class TenantGate
{
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterSharedAsync(string tenantId, CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (_states)
            {
                var state = StateOf(tenantId);
                if (state.Exclusive is null)
                {
                    state.Shared++;
                    return new Exit(this, tenantId, exclusive: false);
                }
                wait = state.Exclusive.Task;
            }
            await wait.WaitAsync(ct);
        }
    }

    public async Task<IDisposable> EnterExclusiveAsync(string tenantId, CancellationToken ct)
    {
        Task drained;
        while (true)
        {
            Task busy;
            lock (_states)
            {
                var state = StateOf(tenantId);
                if (state.Exclusive is null)
                {
                    state.Exclusive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    state.Drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (state.Shared == 0)
                    {
                        state.Drained.TrySetResult();
                    }
                    drained = state.Drained.Task;
                    break;
                }
                busy = state.Exclusive.Task;
            }
            await busy.WaitAsync(ct);
        }
        try
        {
            await drained.WaitAsync(ct);
        }
        catch
        {
            Leave(tenantId, exclusive: true);
            throw;
        }
        return new Exit(this, tenantId, exclusive: true);
    }

    private State StateOf(string tenantId)
    {
        if (!_states.TryGetValue(tenantId, out var state))
        {
            state = new State();
            _states[tenantId] = state;
        }
        return state;
    }

    private void Leave(string tenantId, bool exclusive)
    {
        lock (_states)
        {
            var state = _states[tenantId];
            if (exclusive)
            {
                var released = state.Exclusive!;
                state.Exclusive = null;
                state.Drained = null;
                released.TrySetResult();
            }
            else if (--state.Shared == 0)
            {
                state.Drained?.TrySetResult();
            }
            if (state.Shared == 0 && state.Exclusive is null)
            {
                _states.Remove(tenantId);
            }
        }
    }

    private sealed class State
    {
        public int Shared;
        public TaskCompletionSource? Exclusive;
        public TaskCompletionSource? Drained;
    }

    private sealed class Exit(TenantGate gate, string tenantId, bool exclusive) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Leave(tenantId, exclusive);
            }
        }
    }
}
