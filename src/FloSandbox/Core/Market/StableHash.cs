namespace FloSandbox.Core.Market;

// Process- and platform-stable hashing (string.GetHashCode is randomised per process).
internal static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    // FNV-1a 64 over the upper-cased ticker: one byte per ASCII char, two (low, high) otherwise.
    public static ulong Ticker(ReadOnlySpan<char> ticker)
    {
        var hash = FnvOffsetBasis;
        foreach (var raw in ticker)
        {
            var c = char.ToUpperInvariant(raw);
            if (c < 0x80)
            {
                hash = (hash ^ c) * FnvPrime;
            }
            else
            {
                hash = (hash ^ (byte)c) * FnvPrime;
                hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
            }
        }

        return hash;
    }

    // SplitMix64 finaliser: spreads a seed and a counter into an independent-looking 64-bit value.
    public static ulong Mix(ulong seed, ulong counter)
    {
        var z = seed + (counter + 1) * 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    // [0, 1) with 53 bits of precision.
    public static double Unit(ulong value) => (value >> 11) * (1.0 / (1UL << 53));

    // [-1, 1).
    public static double Signed(ulong value) => Unit(value) * 2.0 - 1.0;
}
