namespace FloSandbox.SeedGen;

// One row of seed-data/tokens.csv.
public sealed record SeedToken(
    string Ticker,
    string Name,
    string AssetClass,
    bool Fractional,
    string Venue,
    string SpvId,
    string Cusip);
