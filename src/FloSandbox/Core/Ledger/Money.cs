using System.Globalization;

namespace FloSandbox.Core.Ledger;

/// Wire formats of money: quantities with 6 decimals, USD/stablecoin amounts with 2. Stored as
/// integer micro-units (10⁻⁶), the stablecoins' and tokens' on-chain precision.
public static class Money
{
    public const long MicrosPerUnit = 1_000_000;

    public static string Usd(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) => quantity.ToString("F6", CultureInfo.InvariantCulture);

    public static long ToMicros(decimal amount) => decimal.ToInt64(decimal.Round(amount * MicrosPerUnit, 0, MidpointRounding.AwayFromZero));

    public static decimal FromMicros(long micros) => micros / (decimal)MicrosPerUnit;

    public static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// Decimal places that carry a non-zero digit: 1.500000 has one.
    public static int SignificantDecimalPlaces(decimal value) => DecimalPlaces(value / 1.000000000000000000000000000000000m);
}
