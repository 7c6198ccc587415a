using System.Diagnostics.CodeAnalysis;

namespace FloSandbox.Core.Market;

public static class AssetClasses
{
    public static readonly IReadOnlyList<AssetClassProfile> All =
    [
        new(AssetClass.LargeCapEquity, "large_cap_equity", 7000, 7800, GrossApyBps: 140, NetApyBps: 115, PriceBandBps: 2400),
        new(AssetClass.BlueChipEtf, "blue_chip_etf", 7500, 8200, GrossApyBps: 135, NetApyBps: 120, PriceBandBps: 1600),
        new(AssetClass.GovernmentBond, "government_bond", 8500, 9200, GrossApyBps: 430, NetApyBps: 415, PriceBandBps: 600),
        new(AssetClass.CorporateCredit, "corporate_credit", 6500, 7500, GrossApyBps: 560, NetApyBps: 530, PriceBandBps: 900),
        new(AssetClass.PrivateCredit, "private_credit", 4000, 5500, GrossApyBps: 1050, NetApyBps: 950, PriceBandBps: 1200),
    ];

    public static AssetClassProfile Profile(this AssetClass assetClass) =>
        (uint)assetClass < (uint)All.Count
            ? All[(int)assetClass]
            : throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "Unknown asset class.");

    public static string WireName(this AssetClass assetClass) => assetClass.Profile().WireName;

    // Parses a wire name such as government_bond; exact, lower-case match.
    public static bool TryParse([NotNullWhen(true)] string? wireName, out AssetClass assetClass)
    {
        foreach (var profile in All)
        {
            if (string.Equals(profile.WireName, wireName, StringComparison.Ordinal))
            {
                assetClass = profile.AssetClass;
                return true;
            }
        }

        assetClass = default;
        return false;
    }
}
