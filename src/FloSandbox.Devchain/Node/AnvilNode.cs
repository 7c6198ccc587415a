using System.Diagnostics;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// One running Anvil process serving one chain on a loopback port. Disposing stops it cleanly
/// (SIGTERM, so Anvil writes its state file), killing it if it does not exit in time.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    private static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly OutputTail _output;
    private readonly DevchainRpcClient _probe;
    private readonly TaskCompletionSource _exited;

    internal AnvilNode(DevchainChain chain, Process process, Uri rpcUrl, string? stateFile, OutputTail output, TaskCompletionSource exited)
    {
        Chain = chain;
        _process = process;
        RpcUrl = rpcUrl;
        StateFile = stateFile;
        _output = output;
        _exited = exited;
        ProcessId = process.Id;
        _probe = new DevchainRpcClient(rpcUrl, TimeSpan.FromSeconds(2));
    }

    /// <summary>The chain this node serves.</summary>
    public DevchainChain Chain { get; }

    /// <summary>The node's JSON-RPC URL, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The loopback port.</summary>
    public int Port => RpcUrl.Port;

    /// <summary>The OS process id.</summary>
    public int ProcessId { get; }

    /// <summary>The persisted state file, or null for an in-memory chain.</summary>
    public string? StateFile { get; }

    /// <summary>True once the process has exited (detected from the OS, without a round trip).</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes when the process exits, for whatever reason.</summary>
    public Task Exited => _exited.Task;

    /// <summary>The process's exit code, or null while it runs.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>The tail of Anvil's output (stdout and stderr), for diagnostics.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>
    /// True when the process runs and answers <c>eth_chainId</c> with the right id within 2 s.
    /// A dead process is reported at once, without a network call.
    /// </summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return false;
        }

        try
        {
            return await _probe.GetChainIdAsync(cancellationToken).ConfigureAwait(false) == Chain.ChainId;
        }
        catch (DevchainException)
        {
            return false;
        }
    }

    /// <summary>Stops the node: SIGTERM (Anvil writes its state file), then a kill after <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return;
        }

        if (PosixSignals.TryTerminate(ProcessId))
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(gracePeriod ?? DefaultGracePeriod);
            try
            {
                await _exited.Task.WaitAsync(grace.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Did not exit in time: fall through to a hard kill.
            }
        }

        Kill();
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process at once, without writing state (what a crash looks like).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _probe.Dispose();
            _process.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"anvil {Chain} at {RpcUrl} (pid {ProcessId})";
}
