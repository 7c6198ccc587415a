namespace FloSandbox.Platform.Chains;

/// The chains of the docs: three live, four on the roadmap (named so requests for them get a precise error).
public static class SettlementChains
{
    public static readonly IReadOnlyList<string> Live = ["base", "arbitrum", "ethereum"];

    public static readonly IReadOnlyList<string> Roadmap = ["polygon", "solana", "optimism", "hyperevm"];

    public static bool IsLive(string? chain) => chain is not null && Live.Contains(chain, StringComparer.Ordinal);

    public static bool IsRoadmap(string? chain) => chain is not null && Roadmap.Contains(chain, StringComparer.Ordinal);
}
