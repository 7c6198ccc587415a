using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Bridges;

/// The docs' route matrix: Base ↔ Arbitrum, Base ↔ Ethereum, Arbitrum ↔ Ethereum, both ways. L2 ↔ L2
/// hops land in ~30 s, legs touching Ethereum in ~1 min.
public static class BridgeRoutes
{
    public const string Ethereum = "ethereum";

    public static readonly IReadOnlyList<string> Chains = ["base", "arbitrum", Ethereum];

    public static bool IsSupported(string from, string to) =>
        from != to && Chains.Contains(from, StringComparer.Ordinal) && Chains.Contains(to, StringComparer.Ordinal);

    /// The pair when the matrix has it; otherwise 422 `bridge_route_unsupported` naming the pair.
    public static void Require(string from, string to)
    {
        if (IsSupported(from, to))
        {
            return;
        }
        var reason = from == to
            ? $"from_chain and to_chain are both '{from}': a bridge moves tokens between two different chains."
            : $"Flo does not support bridging from {from} to {to}. Live routes: base ↔ arbitrum, base ↔ ethereum, arbitrum ↔ ethereum.";
        throw FloError.Of(FloErrorCatalog.BridgeRouteUnsupported, reason, ("from_chain", from), ("to_chain", to)).ToException();
    }

    public static bool TouchesEthereum(string from, string to) => from == Ethereum || to == Ethereum;

    /// How long after acceptance the destination mint lands when the DVNs answer on time.
    public static TimeSpan Latency(string from, string to) => TimeSpan.FromSeconds(TouchesEthereum(from, to) ? 60 : 30);
}
