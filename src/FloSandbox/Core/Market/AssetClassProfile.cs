namespace FloSandbox.Core.Market;

// Per-class facts. LTVs are the docs' borrow table. Yields are the sandbox's fixed trailing-30-day figures
// (gross = the underlying's distribution yield, net = gross minus management and performance fees).
// PriceBandBps bounds how far a price walks from its baseline, so a Treasury ETF moves
// like a Treasury ETF and not like a growth stock.
public sealed record AssetClassProfile(
    AssetClass AssetClass,
    string WireName,
    int MaxLtvBps,
    int LiquidationLtvBps,
    int GrossApyBps,
    int NetApyBps,
    int PriceBandBps);
