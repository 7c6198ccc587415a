namespace FloSandbox.Core.Ledger.Balances;

/// The settlement stablecoins.
public enum Currency
{
    USDC,
    USDT,
}

public static class Currencies
{
    public static readonly IReadOnlyList<Currency> All = [Currency.USDC, Currency.USDT];

    /// Exactly a currency's name (`USDC`, `USDT`): not another casing, not a number such as "1".
    public static bool TryParse(string? value, out Currency currency)
    {
        foreach (var known in All)
        {
            if (string.Equals(value, known.ToString(), StringComparison.Ordinal))
            {
                currency = known;
                return true;
            }
        }
        currency = default;
        return false;
    }
}
