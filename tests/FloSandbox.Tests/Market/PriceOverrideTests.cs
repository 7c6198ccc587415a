using FloSandbox.Core.Market;
using static FloSandbox.Tests.Market.NewYorkTime;

namespace FloSandbox.Tests.Market;

public class PriceOverrideTests
{
    private static readonly PriceOracle Oracle = new(MarketHours.For(MarketMode.Auto), TokenCatalog.Default);
    private static readonly DateTimeOffset Now = At(2026, 4, 21, 11, 0, 5);

    [Fact]
    public void Pinned_Price_Replaces_The_Curve_But_Keeps_The_Tick()
    {
        var quote = Oracle.Quote("AAPL", Now, PriceOverride.Pin(107.69m));

        Assert.Equal(107.69m, quote.Price);
        Assert.Equal(At(2026, 4, 21, 11, 0), quote.AsOf);
        Assert.False(quote.Stale);
    }

    [Fact]
    public void Shock_Scales_The_Curve_Price()
    {
        var curve = Oracle.Quote("AAPL", Now).Price;

        var shocked = Oracle.Quote("AAPL", Now, PriceOverride.Shock(-43m)).Price;

        Assert.Equal(decimal.Round(curve * 0.57m, 2, MidpointRounding.AwayFromZero), shocked);
    }

    [Fact]
    public void Shock_Applies_On_Top_Of_A_Pinned_Price()
    {
        var quote = Oracle.Quote("AAPL", Now, new PriceOverride(PinnedPrice: 200m, ShockPct: -10m));

        Assert.Equal(180m, quote.Price);
    }

    [Fact]
    public void Twap_Honours_The_Override()
    {
        Assert.Equal(50m, Oracle.Twap("AAPL", Now, TimeSpan.FromSeconds(30), PriceOverride.Pin(50m)));
    }

    [Fact]
    public void An_Empty_Override_Changes_Nothing()
    {
        Assert.Equal(Oracle.Quote("AAPL", Now), Oracle.Quote("AAPL", Now, new PriceOverride(null, null)));
    }

    [Fact]
    public void A_Deep_Shock_Never_Prices_Below_One_Cent()
    {
        Assert.Equal(0.01m, Oracle.Quote("AAPL", Now, PriceOverride.Shock(-99.9999m)).Price);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-5, null)]
    [InlineData(null, -100)]
    [InlineData(null, 1001)]
    public void Invalid_Overrides_Are_Rejected(int? pinned, int? shockPct)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PriceOverride(pinned, shockPct));
    }
}
