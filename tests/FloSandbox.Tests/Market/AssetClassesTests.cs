using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

public class AssetClassesTests
{
    [Theory]
    [InlineData(AssetClass.LargeCapEquity, "large_cap_equity", 7000, 7800)]
    [InlineData(AssetClass.BlueChipEtf, "blue_chip_etf", 7500, 8200)]
    [InlineData(AssetClass.GovernmentBond, "government_bond", 8500, 9200)]
    [InlineData(AssetClass.CorporateCredit, "corporate_credit", 6500, 7500)]
    [InlineData(AssetClass.PrivateCredit, "private_credit", 4000, 5500)]
    public void Profile_Carries_The_Docs_Borrow_Table(AssetClass assetClass, string wireName, int maxLtvBps, int liquidationLtvBps)
    {
        var profile = assetClass.Profile();

        Assert.Equal(assetClass, profile.AssetClass);
        Assert.Equal(wireName, assetClass.WireName());
        Assert.Equal(maxLtvBps, profile.MaxLtvBps);
        Assert.Equal(liquidationLtvBps, profile.LiquidationLtvBps);
    }

    [Fact]
    public void Every_Class_Has_A_Positive_Net_Yield_Below_Its_Gross_Yield()
    {
        Assert.All(AssetClasses.All, p => Assert.InRange(p.NetApyBps, 1, p.GrossApyBps - 1));
    }

    [Fact]
    public void Wire_Names_Round_Trip()
    {
        foreach (var assetClass in Enum.GetValues<AssetClass>())
        {
            Assert.True(AssetClasses.TryParse(assetClass.WireName(), out var parsed));
            Assert.Equal(assetClass, parsed);
        }
    }

    [Theory]
    [InlineData("Large_Cap_Equity")]
    [InlineData("equity")]
    [InlineData(null)]
    public void Unknown_Wire_Names_Do_Not_Parse(string? wireName)
    {
        Assert.False(AssetClasses.TryParse(wireName, out _));
    }
}
