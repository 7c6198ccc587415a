using System.Numerics;

namespace FloSandbox.Devchain.Contracts;

/// <summary>Converts between decimal amounts and on-chain integer units (6 decimals for every devchain token).</summary>
public static class TokenUnits
{
    /// <summary>Decimals of FloTokens, USDC and USDT on the devchain.</summary>
    public const int Decimals = 6;

    /// <summary>Scales <paramref name="amount"/> to integer units; throws when it has more fractional digits than <paramref name="decimals"/>.</summary>
    public static BigInteger ToUnits(decimal amount, int decimals = Decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var scaled = amount * Pow10(decimals);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{amount} has more than {decimals} fractional digits.", nameof(amount));
        }

        return new BigInteger(scaled);
    }

    /// <summary>Scales integer units back to a decimal amount.</summary>
    public static decimal FromUnits(BigInteger units, int decimals = Decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return (decimal)units / Pow10(decimals);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
