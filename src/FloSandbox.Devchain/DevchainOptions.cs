namespace FloSandbox.Devchain;

/// <summary>
/// Devchain settings, bound from the <c>Devchain</c> configuration section
/// (<c>Devchain:AnvilPath</c>, <c>Devchain:StateDirectory</c>, <c>Devchain:RpcUrls:base</c>, …).
/// </summary>
public sealed class DevchainOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Devchain";

    /// <summary>Explicit path of the anvil executable. When set it must exist; it wins over every other location.</summary>
    public string? AnvilPath { get; set; }

    /// <summary>The repo's <c>devchain</c> folder (holds <c>node_modules</c>). Default: the path baked in at build time.</summary>
    public string? DevchainDirectory { get; set; }

    /// <summary>Folder for persisted chain state (<c>&lt;chain&gt;.json</c> per chain). Null keeps chains in memory only.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>How often Anvil also dumps state while running (it always dumps on a clean stop). Whole seconds, at least 1.</summary>
    public TimeSpan StateInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Chain name → external JSON-RPC URL. A chain listed here is used as is instead of spawning Anvil.</summary>
    public Dictionary<string, string> RpcUrls { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bound on waiting for a spawned Anvil to answer <c>eth_chainId</c>.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound on one JSON-RPC request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// EVM hardfork for spawned nodes. <c>cancun</c> by default: contracts are compiled for it, and
    /// with Prague's block-hash history contract Anvil 1.7.1 gets slower with every block mined.
    /// </summary>
    public string Hardfork { get; set; } = "cancun";

    /// <summary>
    /// How many recent block states Anvil keeps in memory (<c>--prune-history N</c>); 0 keeps them all.
    /// Keeping all makes each transaction slower as the chain grows (about four times slower after a few
    /// thousand); a bounded number keeps throughput flat. Reads at blocks older than that fail, which is
    /// why it is not smaller: reverted transactions are replayed at their block to recover the reason.
    /// </summary>
    public int KeptStates { get; set; } = 64;
}
