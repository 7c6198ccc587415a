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

    public static bool TryParse(string? value, out Currency currency) =>
        Enum.TryParse(value, ignoreCase: false, out currency) && Enum.IsDefined(currency);
}
