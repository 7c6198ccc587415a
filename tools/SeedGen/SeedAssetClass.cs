namespace FloSandbox.SeedGen;

// Wire names of the asset classes and how many tickers each class gets in the universe.
public static class SeedAssetClass
{
    public const string LargeCapEquity = "large_cap_equity";
    public const string BlueChipEtf = "blue_chip_etf";
    public const string GovernmentBond = "government_bond";
    public const string CorporateCredit = "corporate_credit";
    public const string PrivateCredit = "private_credit";

    // Tickers per class, well-known names included. Sums to 8,124, the docs' reconciliation count.
    public static readonly IReadOnlyList<(string AssetClass, int Count)> Shape =
    [
        (LargeCapEquity, 5_700),
        (BlueChipEtf, 1_250),
        (GovernmentBond, 420),
        (CorporateCredit, 480),
        (PrivateCredit, 274),
    ];
}
