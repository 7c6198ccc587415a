namespace FloSandbox.Core.Market;

// One instrument of the sandbox universe, as seeded from seed-data/tokens.csv.
public sealed record TokenInfo(
    string Ticker,
    string Name,
    AssetClass AssetClass,
    bool Fractional,
    string Venue,
    string SpvId,
    string Cusip);
