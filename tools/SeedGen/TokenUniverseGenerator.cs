using Bogus;

namespace FloSandbox.SeedGen;

// Builds the sandbox ticker universe. Pure function of Seed and the pinned Bogus version:
// two runs give byte-identical CSV.
public static class TokenUniverseGenerator
{
    public const int Seed = 20_260_421;

    public static IReadOnlyList<SeedToken> Generate()
    {
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var takenTickers = new HashSet<string>(StringComparer.Ordinal);
        var takenNames = new HashSet<string>(StringComparer.Ordinal);
        var takenCusips = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Draft>();

        foreach (var known in WellKnownTokens.All)
        {
            if (!takenTickers.Add(known.Ticker) || !takenNames.Add(known.Name))
            {
                throw new InvalidOperationException($"{known.Ticker} is listed twice among the well-known tokens.");
            }

            rows.Add(new Draft(known.Ticker, known.Name, known.AssetClass, known.Fractional, known.Venue));
        }

        var names = new NameFactory(faker, takenNames);
        var tickers = new TickerFactory(faker, takenTickers);
        foreach (var (assetClass, count) in SeedAssetClass.Shape)
        {
            var synthetic = count - WellKnownTokens.All.Count(t => t.AssetClass == assetClass);
            for (var i = 0; i < synthetic; i++)
            {
                rows.Add(Synthetic(faker, names, tickers, assetClass));
            }
        }

        return rows
            .Select(row => (Row: row, Cusip: NewCusip(faker, row, takenCusips)))
            .OrderBy(x => x.Row.Ticker, StringComparer.Ordinal)
            .Select((x, index) => new SeedToken(
                x.Row.Ticker, x.Row.Name, x.Row.AssetClass, x.Row.Fractional, x.Row.Venue,
                SpvId: $"SPV-KY-{index + 1:D5}", x.Cusip))
            .ToList();
    }

    private static Draft Synthetic(Faker faker, NameFactory names, TickerFactory tickers, string assetClass)
    {
        var name = names.Next(assetClass);
        switch (assetClass)
        {
            case SeedAssetClass.LargeCapEquity:
                var length = faker.Random.WeightedRandom([2, 3, 4], [0.05f, 0.40f, 0.55f]);
                var ticker = tickers.Next(name, length);
                // The historical convention: NYSE symbols have up to three letters, NASDAQ symbols four.
                return new Draft(ticker, name, assetClass, true, length <= 3 ? SeedVenue.Nyse : SeedVenue.Nasdaq);
            case SeedAssetClass.PrivateCredit:
                // Unlisted vehicles use mutual-fund style symbols (five letters ending in X); a quarter of
                // them deal in fractional units at NAV, the rest only in whole units.
                var fundTicker = tickers.Next(name, 4, suffix: "X");
                return new Draft(fundTicker, name, assetClass, faker.Random.Bool(0.25f), SeedVenue.Private);
            default:
                var etfLength = faker.Random.WeightedRandom([3, 4], [0.45f, 0.55f]);
                return new Draft(tickers.Next(name, etfLength), name, assetClass, true, SeedVenue.NyseArca);
        }
    }

    private static string NewCusip(Faker faker, Draft row, HashSet<string> taken)
    {
        const string issuerTail = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var isShare = row.AssetClass == SeedAssetClass.LargeCapEquity || row.Venue is SeedVenue.Nyse or SeedVenue.Nasdaq;
        while (true)
        {
            var issuer = faker.Random.String2(5, "0123456789") + faker.Random.String2(1, issuerTail);
            var issue = isShare ? "10" : faker.Random.String2(2, "0123456789");
            var first8 = issuer + issue;
            var cusip = first8 + Cusip.CheckDigit(first8);
            if (taken.Add(cusip))
            {
                return cusip;
            }
        }
    }

    private sealed record Draft(string Ticker, string Name, string AssetClass, bool Fractional, string Venue);
}
