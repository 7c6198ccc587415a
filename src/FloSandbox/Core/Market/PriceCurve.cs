namespace FloSandbox.Core.Market;

// The deterministic price function of one ticker:
//   price(t) = baseline * (1 + band * walk(t)),  walk(t) in [-1, 1]
// walk is a weighted sum of value-noise octaves (hash-derived knot values, smoothstep between knots) with
// per-ticker periods and phases, plus a 15 s jitter. Only +, *, / on doubles, so every platform computes
// the same bits, and nothing iterates over history.
internal readonly record struct PriceCurve(ulong Seed, double Baseline, double Band)
{
    private static readonly (long PeriodSeconds, double Weight)[] Octaves =
    [
        (45 * 86_400, 0.60),
        (7 * 86_400, 0.25),
        (86_400, 0.08),
        (2 * 3_600, 0.04),
        (10 * 60, 0.025),
    ];

    // Weights add up to 1 with the jitter, which keeps walk(t) inside [-1, 1].
    private const double JitterWeight = 0.005;
    private const long JitterSeconds = 15;

    public const double MinBaseline = 60;
    public const double MaxBaseline = 140;

    public static PriceCurve For(ReadOnlySpan<char> ticker, double band)
    {
        var seed = StableHash.Ticker(ticker);
        var baseline = MinBaseline + (MaxBaseline - MinBaseline) * StableHash.Unit(StableHash.Mix(seed, 0xBA5E));
        return new PriceCurve(seed, baseline, band);
    }

    // Rescales the baseline so the curve passes exactly through price at the given instant.
    public PriceCurve AnchoredAt(long unixSeconds, double price) =>
        this with { Baseline = price / (1.0 + Band * Walk(unixSeconds)) };

    public double At(long unixSeconds) => Baseline * (1.0 + Band * Walk(unixSeconds));

    public double Walk(long unixSeconds)
    {
        var sum = 0.0;
        for (var octave = 0; octave < Octaves.Length; octave++)
        {
            var (basePeriod, weight) = Octaves[octave];
            var salt = StableHash.Mix(Seed, (ulong)octave + 1);
            // Each ticker gets its own period (0.8x-1.2x) and phase, so tickers never turn in lockstep.
            var period = (long)(basePeriod * (0.8 + 0.4 * StableHash.Unit(salt)));
            var shifted = unixSeconds + (long)(StableHash.Unit(StableHash.Mix(salt, 1)) * period);
            var knot = Math.DivRem(shifted, period, out var into);
            if (into < 0)
            {
                knot--;
                into += period;
            }

            var from = Knot(salt, knot);
            var to = Knot(salt, knot + 1);
            var x = (double)into / period;
            sum += weight * (from + (to - from) * (x * x * (3.0 - 2.0 * x)));
        }

        var jitterKnot = Math.DivRem(unixSeconds, JitterSeconds, out var rest) - (rest < 0 ? 1 : 0);
        return sum + JitterWeight * Knot(StableHash.Mix(Seed, 0x717), jitterKnot);
    }

    private static double Knot(ulong salt, long index) => StableHash.Signed(StableHash.Mix(salt, (ulong)index));
}
