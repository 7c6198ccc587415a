using FloSandbox.Core.Market;
using static FloSandbox.Tests.Market.NewYorkTime;

namespace FloSandbox.Tests.Market;

public class PriceOracleTests
{
    private static readonly PriceOracle Auto = new(MarketHours.For(MarketMode.Auto), TokenCatalog.Default);
    private static readonly PriceOracle AlwaysOpen = new(MarketHours.For(MarketMode.AlwaysOpen), TokenCatalog.Default);

    [Theory]
    [InlineData("AAPL", "2026-04-21T14:33:02Z", "187.42")]
    [InlineData("MSFT", "2026-04-21T14:33:00Z", "126.39")]
    [InlineData("TLT", "2026-01-05T15:00:07Z", "65.62")]
    [InlineData("ARCC", "2030-06-03T18:00:00Z", "132.71")]
    [InlineData("SPY", "2024-07-03T16:59:00Z", "76.69")]
    [InlineData("HYG", "2026-04-25T12:00:00Z", "64.77")]
    public void Prices_Match_Golden_Values_Across_Process_Runs(string ticker, string instant, string price)
    {
        Assert.Equal(decimal.Parse(price), Auto.Quote(ticker, DateTimeOffset.Parse(instant)).Price);
    }

    [Fact]
    public void Aapl_Quotes_The_Docs_Price_At_The_Docs_Borrow_Instant()
    {
        var quote = Auto.Quote("AAPL", DateTimeOffset.Parse("2026-04-21T14:33:02Z"));

        Assert.Equal(new PriceQuote(187.42m, DateTimeOffset.Parse("2026-04-21T14:33:00Z"), Stale: false), quote);
    }

    [Fact]
    public void Separate_Oracles_Give_Identical_Quotes()
    {
        var other = new PriceOracle(MarketHours.For(MarketMode.Auto), TokenCatalog.LoadEmbedded());
        var instant = At(2026, 6, 10, 11, 7, 31);

        foreach (var token in TokenCatalog.Default.All.Take(500))
        {
            Assert.Equal(Auto.Quote(token.Ticker, instant), other.Quote(token.Ticker, instant));
        }
    }

    [Fact]
    public void Every_Price_Is_Positive_Bounded_And_In_Cents_At_Many_Instants()
    {
        var start = DateTimeOffset.Parse("2024-01-02T00:00:00Z");
        foreach (var token in TokenCatalog.Default.All)
        {
            for (var i = 0; i < 16; i++)
            {
                // Steps of 131 days + 7 h 3 m 15 s sample every season, weekday and time of day up to 2029.
                var price = AlwaysOpen.Quote(token.Ticker, start + i * new TimeSpan(131, 7, 3, 15)).Price;
                Assert.InRange(price, 20m, 400m);
                Assert.Equal(decimal.Round(price, 2), price);
            }
        }
    }

    [Fact]
    public void Prices_Stay_Within_The_Class_Band_Around_The_Baseline()
    {
        var start = DateTimeOffset.Parse("2025-03-01T00:00:00Z");
        foreach (var token in TokenCatalog.Default.All.Where((_, i) => i % 7 == 0))
        {
            var band = token.AssetClass.Profile().PriceBandBps / 10_000.0;
            var curve = PriceCurve.For(token.Ticker, band);
            for (var i = 0; i < 200; i++)
            {
                var walk = curve.Walk((start + TimeSpan.FromMinutes(97 * i)).ToUnixTimeSeconds());
                Assert.InRange(walk, -1.0, 1.0);
            }
        }
    }

    [Fact]
    public void Average_Price_Across_The_Universe_Is_About_100()
    {
        var instants = Enumerable.Range(0, 5).Select(i => DateTimeOffset.Parse("2026-02-02T15:00:00Z").AddDays(41 * i));

        var mean = instants.Average(at => TokenCatalog.Default.All.Average(t => AlwaysOpen.Quote(t.Ticker, at).Price));

        Assert.InRange(mean, 95m, 105m);
    }

    [Fact]
    public void During_A_Session_The_Quote_Is_The_Current_15_Second_Tick_And_Fresh()
    {
        var quote = Auto.Quote("NVDA", At(2026, 4, 21, 11, 0, 29));

        Assert.Equal(At(2026, 4, 21, 11, 0, 15), quote.AsOf);
        Assert.False(quote.Stale);
    }

    [Fact]
    public void Price_Holds_Within_A_Tick_And_Moves_Between_Ticks()
    {
        var tick = At(2026, 4, 21, 11, 0);
        var sameTick = Auto.Quote("NVDA", tick.AddSeconds(14)).Price;
        var hour = Enumerable.Range(0, 240).Select(i => Auto.Quote("NVDA", tick.AddSeconds(15 * i)).Price);

        Assert.Equal(Auto.Quote("NVDA", tick).Price, sameTick);
        Assert.True(hour.Distinct().Count() > 10);
    }

    [Fact]
    public void Outside_The_Session_The_Quote_Is_The_Close_And_Stale()
    {
        var close = Auto.Quote("NVDA", At(2026, 4, 24, 16, 0));
        var weekend = Auto.Quote("NVDA", At(2026, 4, 26, 12, 0));

        Assert.Equal(At(2026, 4, 24, 16, 0), weekend.AsOf);
        Assert.Equal(close.Price, weekend.Price);
        Assert.True(weekend.Stale);
    }

    [Fact]
    public void Quote_Turns_Stale_Only_After_120_Seconds_Without_A_Tick()
    {
        var close = At(2026, 4, 21, 16, 0);

        Assert.False(Auto.Quote("MSFT", close.AddSeconds(120)).Stale);
        Assert.True(Auto.Quote("MSFT", close.AddSeconds(121)).Stale);
    }

    [Fact]
    public void Always_Open_Mode_Ticks_On_A_Saturday()
    {
        var saturday = At(2026, 4, 25, 12, 0, 7);

        var quote = AlwaysOpen.Quote("MSFT", saturday);

        Assert.Equal(At(2026, 4, 25, 12, 0), quote.AsOf);
        Assert.False(quote.Stale);
    }

    [Fact]
    public void Always_Closed_Mode_Quotes_The_Last_Real_Close_During_A_Session()
    {
        var closed = new PriceOracle(MarketHours.For(MarketMode.AlwaysClosed), TokenCatalog.Default);

        var quote = closed.Quote("MSFT", At(2026, 4, 21, 11, 0));

        Assert.Equal(At(2026, 4, 20, 16, 0), quote.AsOf);
        Assert.Equal(Auto.Quote("MSFT", At(2026, 4, 20, 18, 0)).Price, quote.Price);
        Assert.True(quote.Stale);
    }

    [Fact]
    public void Ticker_Case_Does_Not_Change_The_Price()
    {
        var instant = At(2026, 4, 21, 11, 0);

        Assert.Equal(Auto.Quote("TSLA", instant), Auto.Quote("tsla", instant));
    }

    [Fact]
    public void An_Unknown_Ticker_Still_Has_A_Deterministic_Positive_Price()
    {
        var instant = At(2026, 4, 21, 11, 0);
        var quote = Auto.Quote("ZZZZZZ", instant);

        Assert.InRange(quote.Price, 20m, 400m);
        Assert.Equal(quote, Auto.Quote("ZZZZZZ", instant));
    }

    [Fact]
    public void Thirty_Second_Twap_Is_The_Mean_Of_The_Two_Ticks_In_The_Window()
    {
        var now = At(2026, 4, 21, 11, 0, 37);
        var ticks = new[] { At(2026, 4, 21, 11, 0, 30), At(2026, 4, 21, 11, 0, 15) };
        var expected = decimal.Round(ticks.Average(t => Auto.Quote("AAPL", t).Price), 2, MidpointRounding.AwayFromZero);

        Assert.Equal(expected, Auto.Twap("AAPL", now, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Five_Minute_Twap_Is_The_Mean_Of_Twenty_Ticks()
    {
        var now = At(2026, 4, 21, 14, 3, 0);
        var ticks = Enumerable.Range(0, 20).Select(i => now.AddSeconds(-15 * i));
        var expected = decimal.Round(ticks.Average(t => Auto.Quote("SPY", t).Price), 2, MidpointRounding.AwayFromZero);

        Assert.Equal(expected, Auto.Twap("SPY", now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Twap_While_Closed_Is_The_Close()
    {
        var saturday = At(2026, 4, 25, 12, 0);

        Assert.Equal(Auto.Quote("QQQ", saturday).Price, Auto.Twap("QQQ", saturday, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Twap_Rejects_Empty_And_Overlong_Windows()
    {
        var now = At(2026, 4, 21, 11, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => Auto.Twap("SPY", now, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Auto.Twap("SPY", now, TimeSpan.FromDays(2)));
    }
}
