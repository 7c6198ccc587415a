using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

public class TokenCatalogTests
{
    private static readonly TokenCatalog Catalog = TokenCatalog.Default;

    [Fact]
    public void Catalog_Holds_At_Least_8000_Unique_Tickers()
    {
        Assert.True(Catalog.Count >= 8_000, $"only {Catalog.Count} tickers");
        Assert.Equal(Catalog.Count, Catalog.All.Select(t => t.Ticker).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Catalog_Is_Sorted_By_Ticker_Ordinal()
    {
        for (var i = 1; i < Catalog.Count; i++)
        {
            Assert.True(string.CompareOrdinal(Catalog.All[i - 1].Ticker, Catalog.All[i].Ticker) < 0);
        }
    }

    [Theory]
    [InlineData("AAPL", "Apple Inc.", AssetClass.LargeCapEquity)]
    [InlineData("NVDA", "NVIDIA Corporation", AssetClass.LargeCapEquity)]
    [InlineData("TSLA", "Tesla, Inc.", AssetClass.LargeCapEquity)]
    [InlineData("MSFT", "Microsoft Corporation", AssetClass.LargeCapEquity)]
    [InlineData("SPY", "SPDR S&P 500 ETF Trust", AssetClass.BlueChipEtf)]
    [InlineData("QQQ", "Invesco QQQ Trust, Series 1", AssetClass.BlueChipEtf)]
    [InlineData("VTI", "Vanguard Total Stock Market ETF", AssetClass.BlueChipEtf)]
    [InlineData("VOO", "Vanguard S&P 500 ETF", AssetClass.BlueChipEtf)]
    [InlineData("TLT", "iShares 20+ Year Treasury Bond ETF", AssetClass.GovernmentBond)]
    [InlineData("SGOV", "iShares 0-3 Month Treasury Bond ETF", AssetClass.GovernmentBond)]
    [InlineData("IEF", "iShares 7-10 Year Treasury Bond ETF", AssetClass.GovernmentBond)]
    [InlineData("LQD", "iShares iBoxx $ Investment Grade Corporate Bond ETF", AssetClass.CorporateCredit)]
    [InlineData("HYG", "iShares iBoxx $ High Yield Corporate Bond ETF", AssetClass.CorporateCredit)]
    [InlineData("ARCC", "Ares Capital Corporation", AssetClass.PrivateCredit)]
    [InlineData("BXSL", "Blackstone Secured Lending Fund", AssetClass.PrivateCredit)]
    public void Every_Docs_Ticker_Is_Present_In_Its_Class_With_Its_Real_Name(string ticker, string name, AssetClass assetClass)
    {
        Assert.True(Catalog.TryGet(ticker, out var token));
        Assert.Equal(name, token.Name);
        Assert.Equal(assetClass, token.AssetClass);
    }

    [Theory]
    [InlineData("ARCC")]
    [InlineData("BXSL")]
    public void Docs_Private_Credit_Tickers_Are_Not_Fractional(string ticker)
    {
        Assert.True(Catalog.TryGet(ticker, out var token));
        Assert.False(token.Fractional);
    }

    [Fact]
    public void Every_Class_Is_Represented_And_Equities_Are_The_Majority()
    {
        var byClass = Catalog.All.GroupBy(t => t.AssetClass).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enum.GetValues<AssetClass>().Length, byClass.Count);
        Assert.True(byClass[AssetClass.LargeCapEquity] > Catalog.Count / 2);
    }

    [Fact]
    public void Only_Private_Credit_Is_Non_Fractional_And_Most_Of_It_Is()
    {
        Assert.All(Catalog.All.Where(t => t.AssetClass != AssetClass.PrivateCredit), t => Assert.True(t.Fractional));
        var privateCredit = Catalog.All.Where(t => t.AssetClass == AssetClass.PrivateCredit).ToList();
        Assert.True(privateCredit.Count(t => !t.Fractional) > privateCredit.Count / 2);
    }

    [Fact]
    public void Every_Row_Has_A_Valid_Ticker_Venue_Spv_Id_And_Cusip()
    {
        Assert.All(Catalog.All, token =>
        {
            Assert.Matches("^[A-Z]{1,5}$", token.Ticker);
            Assert.True(Venues.IsKnown(token.Venue), token.Venue);
            Assert.Matches(@"^SPV-KY-\d{5}$", token.SpvId);
            Assert.True(FloSandbox.SeedGen.Cusip.IsValid(token.Cusip), token.Cusip);
            Assert.False(string.IsNullOrWhiteSpace(token.Name));
        });
        Assert.Equal(Catalog.Count, Catalog.All.Select(t => t.SpvId).Distinct().Count());
        Assert.Equal(Catalog.Count, Catalog.All.Select(t => t.Cusip).Distinct().Count());
    }

    [Theory]
    [InlineData("aapl")]
    [InlineData("Aapl")]
    [InlineData("AAPL")]
    public void Lookup_Ignores_Case(string ticker)
    {
        Assert.True(Catalog.TryGet(ticker, out var token));
        Assert.Equal("AAPL", token.Ticker);
    }

    [Theory]
    [InlineData("NOPE1")]
    [InlineData("")]
    [InlineData(null)]
    public void Lookup_Of_An_Unknown_Ticker_Finds_Nothing(string? ticker)
    {
        Assert.False(Catalog.TryGet(ticker, out var token));
        Assert.Null(token);
    }

    [Fact]
    public void Paging_With_Limit_100_Visits_Every_Ticker_Once_In_Order()
    {
        var visited = new List<string>();
        string? cursor = null;
        TokenPage page;
        do
        {
            page = Catalog.Page(cursor, 100);
            Assert.InRange(page.Items.Count, 1, 100);
            visited.AddRange(page.Items.Select(t => t.Ticker));
            cursor = page.Items[^1].Ticker;
        }
        while (page.HasMore);

        Assert.Equal(Catalog.All.Select(t => t.Ticker), visited);
    }

    [Fact]
    public void Page_After_A_Ticker_Not_In_The_Catalog_Starts_At_The_Next_One()
    {
        var page = Catalog.Page("aapk", 3);

        Assert.Equal("AAPL", page.Items[0].Ticker);
        Assert.Equal(3, page.Items.Count);
        Assert.True(page.HasMore);
    }

    [Fact]
    public void Page_After_The_Last_Ticker_Is_Empty_Without_More()
    {
        var page = Catalog.Page(Catalog.All[^1].Ticker, 100);

        Assert.Empty(page.Items);
        Assert.False(page.HasMore);
    }

    [Fact]
    public void Page_Whose_Limit_Reaches_The_End_Has_No_More()
    {
        var page = Catalog.Page(Catalog.All[^3].Ticker, 2);

        Assert.Equal(2, page.Items.Count);
        Assert.False(page.HasMore);
    }

    [Fact]
    public void Page_Rejects_A_Limit_Below_One()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Page(null, 0));
    }

    [Fact]
    public void Catalog_Rejects_A_Duplicate_Ticker()
    {
        var token = Catalog.All[0];

        Assert.Throws<ArgumentException>(() => new TokenCatalog([token, token with { Name = "Other" }]));
    }
}
