namespace FloSandbox.Core.Market;

// Curves pinned through a known point so the docs' worked examples reproduce: AAPL is 187.42 at the docs'
// borrow example time (2026-04-21T14:33:02Z, tick 14:33:00Z), as in the health-factor and reconciliation
// examples. The anchor moves that ticker's baseline; its walk and band are unchanged.
internal static class PriceAnchors
{
    private static readonly (string Ticker, DateTimeOffset At, double Price)[] Anchors =
    [
        ("AAPL", new DateTimeOffset(2026, 4, 21, 14, 33, 0, TimeSpan.Zero), 187.42),
    ];

    public static PriceCurve Apply(string ticker, PriceCurve curve)
    {
        foreach (var anchor in Anchors)
        {
            if (string.Equals(anchor.Ticker, ticker, StringComparison.OrdinalIgnoreCase))
            {
                return curve.AnchoredAt(anchor.At.ToUnixTimeSeconds(), anchor.Price);
            }
        }

        return curve;
    }
}
