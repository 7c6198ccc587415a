namespace FloSandbox.Devchain;

/// <summary>One of the live chains the sandbox emulates, with its real chain id.</summary>
/// <param name="Name">Lower-case name used in routes and configuration: <c>base</c>, <c>arbitrum</c>, <c>ethereum</c>.</param>
/// <param name="ChainId">The real chain id (EIP-155).</param>
public sealed record DevchainChain(string Name, ulong ChainId)
{
    /// <summary>Base, chain id 8453.</summary>
    public static DevchainChain Base { get; } = new("base", 8453);

    /// <summary>Arbitrum One, chain id 42161.</summary>
    public static DevchainChain Arbitrum { get; } = new("arbitrum", 42161);

    /// <summary>Ethereum mainnet, chain id 1.</summary>
    public static DevchainChain Ethereum { get; } = new("ethereum", 1);

    /// <summary>All chains, in start-up order.</summary>
    public static IReadOnlyList<DevchainChain> All { get; } = [Base, Arbitrum, Ethereum];

    /// <summary>Finds a chain by name (exact, lower case).</summary>
    public static bool TryGet(string? name, out DevchainChain chain)
    {
        chain = All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))!;
        return chain is not null;
    }

    /// <summary>Finds a chain by name, or throws <see cref="ArgumentException"/> naming the valid ones.</summary>
    public static DevchainChain Get(string name) =>
        TryGet(name, out var chain)
            ? chain
            : throw new ArgumentException($"Unknown chain '{name}'. Known chains: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({ChainId})";
}
