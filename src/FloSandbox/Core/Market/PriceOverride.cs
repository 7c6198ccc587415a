namespace FloSandbox.Core.Market;

// A sandbox-only per-tenant override. PinnedPrice replaces the curve's price; ShockPct then scales whichever
// price applies: -30 means 30 % lower. Both are optional; with neither the override changes nothing.
public sealed record PriceOverride
{
    public const decimal MaxShockPct = 1_000m;

    public PriceOverride(decimal? PinnedPrice, decimal? ShockPct)
    {
        if (PinnedPrice is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(PinnedPrice), PinnedPrice, "A pinned price must be positive.");
        }

        if (ShockPct is <= -100m or > MaxShockPct)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ShockPct), ShockPct, $"A shock must be above -100 % and at most {MaxShockPct} %.");
        }

        this.PinnedPrice = PinnedPrice;
        this.ShockPct = ShockPct;
    }

    public decimal? PinnedPrice { get; }

    public decimal? ShockPct { get; }

    public static PriceOverride Pin(decimal price) => new(price, null);

    public static PriceOverride Shock(decimal pct) => new(null, pct);

    internal decimal Apply(decimal curvePrice)
    {
        var price = PinnedPrice ?? curvePrice;
        if (ShockPct is { } shock)
        {
            price *= 1m + shock / 100m;
        }

        return Math.Max(0.01m, PriceOracle.ToCents(price));
    }
}
