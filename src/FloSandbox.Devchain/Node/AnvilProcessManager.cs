namespace FloSandbox.Devchain.Node;

/// <summary>
/// Starts Anvil nodes (one per chain, each on a free loopback port, optionally persisting state under
/// <see cref="DevchainOptions.StateDirectory"/>) and stops all of them on dispose.
/// </summary>
public sealed class AnvilProcessManager : IAsyncDisposable
{
    private readonly DevchainOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly List<AnvilNode> _nodes = [];
    private readonly Lock _gate = new();
    private readonly NodeRecords? _records;
    private Task? _reaped;

    /// <summary>Creates a manager; nothing starts until <see cref="StartAsync"/>.</summary>
    public AnvilProcessManager(DevchainOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        if (!string.IsNullOrWhiteSpace(options.StateDirectory) && ProcFs.IsAvailable)
        {
            _records = new NodeRecords(Path.GetFullPath(options.StateDirectory), _timeProvider);
        }

        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
    }

    /// <summary>
    /// True when spawned nodes die with this process even when it is killed (SIGKILL, a crash): on Linux
    /// with util-linux's <c>setpriv</c>. Otherwise only a clean stop stops them, and on Linux the next
    /// start on the same state directory stops what a killed run left behind.
    /// </summary>
    public static bool NodesDieWithThisProcess => ParentDeath.IsAvailable;

    /// <summary>
    /// Anvil nodes are separate processes and outlive a host that exits without disposing this manager
    /// (SIGTERM during start-up, a test runner ending its process). Stop them on the way out.
    /// </summary>
    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        AnvilNode[] nodes;
        lock (_gate)
        {
            nodes = _nodes.ToArray();
        }

        Task.WaitAll([.. nodes.Select(node => node.StopAsync(TimeSpan.FromSeconds(2)))], TimeSpan.FromSeconds(3));
    }

    /// <summary>The nodes started so far, including ones that have since exited.</summary>
    public IReadOnlyList<AnvilNode> Nodes
    {
        get
        {
            lock (_gate)
            {
                return _nodes.ToArray();
            }
        }
    }

    /// <summary>
    /// Starts Anvil for <paramref name="chain"/> and returns once it answers <c>eth_chainId</c>.
    /// Bounded by <see cref="DevchainOptions.StartupTimeout"/>.
    /// </summary>
    /// <exception cref="AnvilStartException">The binary is missing, the process failed, or it did not become ready in time; the message carries Anvil's output.</exception>
    public async Task<AnvilNode> StartAsync(DevchainChain chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var binary = AnvilBinary.Resolve(_options.AnvilPath, _options.DevchainDirectory);
        await ReapLeftoversAsync(cancellationToken).ConfigureAwait(false);
        var node = await AnvilLauncher.StartAsync(binary, chain, _options, _records, _timeProvider, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>Nodes an earlier run left on the state directory are stopped once, before the first spawn.</summary>
    private Task ReapLeftoversAsync(CancellationToken cancellationToken)
    {
        if (_records is null)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _reaped ??= _records.ReapAsync(CancellationToken.None);
        }

        return _reaped.WaitAsync(cancellationToken);
    }

    /// <summary>Stops every node (SIGTERM so state files are written, then kill), in parallel.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        AnvilNode[] nodes;
        lock (_gate)
        {
            nodes = _nodes.ToArray();
            _nodes.Clear();
        }

        await Task.WhenAll(nodes.Select(node => node.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}
