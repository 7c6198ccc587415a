using FloSandbox.Flo.Platform.Views;

namespace FloSandbox.Flo.Positions;

public sealed record YieldView(int GrossApyBps, int NetApyBps);

public sealed record PositionChainView(string Chain, string Quantity, string Contract);

/// A holding of one token by one wallet, summed over chains, valued at the tenant's current NAV.
public sealed record PositionView(
    string Id,
    string Token,
    string Wallet,
    string Quantity,
    string NavUsdc,
    NavView Nav,
    YieldView Yield,
    string AttestationUrl,
    IReadOnlyList<PositionChainView> Chains)
{
    public string Object => "position";
}
