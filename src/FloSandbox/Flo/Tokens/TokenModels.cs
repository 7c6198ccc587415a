using FloSandbox.Flo.Platform.Views;

namespace FloSandbox.Flo.Tokens;

public sealed record TokenSummary(
    string Ticker,
    string Name,
    string AssetClass,
    bool Fractional,
    string Venue,
    string SpvId,
    string Supply,
    string NavUsdc)
{
    public string Object => "token";
}

public sealed record SpvRecord(
    string Id,
    string Jurisdiction,
    string Structure,
    string SecurityAgent,
    IReadOnlyList<string> Custodians,
    string Attestor);

public sealed record ChainDistribution(string Chain, long ChainId, string Supply, ContractView Contract);

public sealed record TwapView(int WindowSeconds, string Price);

public sealed record BorrowTerms(int MaxLtvBps, int LiquidationLtvBps);

public sealed record TokenDetail(
    string Ticker,
    string Name,
    string AssetClass,
    bool Fractional,
    string Venue,
    string Cusip,
    string SpvId,
    SpvRecord Spv,
    string AttestationUrl,
    string Supply,
    string NavUsdc,
    NavView Nav,
    TwapView Twap,
    BorrowTerms Borrow,
    IReadOnlyList<ChainDistribution> Distribution)
{
    public string Object => "token";
}
