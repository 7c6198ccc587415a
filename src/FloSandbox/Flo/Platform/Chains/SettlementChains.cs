using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Chains;

/// The chains of the docs: three live, four on the roadmap (named so requests for them get a precise error).
public static class SettlementChains
{
    public static readonly IReadOnlyList<string> Live = [.. Devchain.DevchainChain.All.Select(c => c.Name)];

    public static readonly IReadOnlyList<string> Roadmap = ["polygon", "solana", "optimism", "hyperevm"];

    public static bool IsLive(string? chain) => chain is not null && Live.Contains(chain, StringComparer.Ordinal);

    /// The chain if it is live; otherwise a 400 that says whether it is on the roadmap or unknown.
    public static string RequireLive(string? chain, string param)
    {
        if (IsLive(chain))
        {
            return chain!;
        }
        var live = string.Join(", ", Live);
        throw FloException.Invalid(param, chain is not null && Roadmap.Contains(chain, StringComparer.Ordinal)
            ? $"Chain '{chain}' is on Flo's roadmap but not live yet. Live chains: {live}."
            : $"{param} must be one of {live}; got '{chain}'.");
    }
}
