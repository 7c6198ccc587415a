namespace FloSandbox.Flo.Redeems;

/// What a redeem pays out, deterministically, on the mint's fee schedule. Every amount is rounded to
/// cents, half away from zero:
///   notional = NAV at fill × quantity; flo_fee = notional × 10 bps; offramp = notional × 1 bps;
///   broker = notional × 0.5 bps; spread = notional × 2.5 bps; developer fee = notional × amount_bps;
///   proceeds = notional − flo_fee − offramp − broker − spread − developer fee (never below zero).
public sealed record RedeemPricing(decimal Price, decimal Notional, int FloFeeBps, decimal FloFee, decimal Offramp, decimal Broker,
    decimal Spread, decimal DeveloperFee)
{
    public const int FloFeeBpsDefault = 10;
    public const decimal OfframpBps = 1m;
    public const decimal BrokerBps = 0.5m;
    public const decimal SpreadBps = 2.5m;

    public decimal Proceeds => Math.Max(0m, Notional - FloFee - Offramp - Broker - Spread - DeveloperFee);

    public static RedeemPricing For(decimal price, decimal quantity, int? developerFeeBps)
    {
        var notional = Cents(price * quantity);
        return new RedeemPricing(price, notional, FloFeeBpsDefault, Bps(notional, FloFeeBpsDefault), Bps(notional, OfframpBps),
            Bps(notional, BrokerBps), Bps(notional, SpreadBps), developerFeeBps is { } d ? Bps(notional, d) : 0m);
    }

    private static decimal Bps(decimal notional, decimal bps) => Cents(notional * bps / 10_000m);

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
