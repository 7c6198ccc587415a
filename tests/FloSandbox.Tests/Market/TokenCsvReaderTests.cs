using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Market;

public class TokenCsvReaderTests
{
    private const string Header = "ticker,name,asset_class,fractional,venue,spv_id,cusip\n";

    [Fact]
    public void Reader_Unquotes_Names_With_Commas_And_Quotes()
    {
        var tokens = Read(Header + "TSLA,\"Tesla, \"\"The\"\" Inc.\",large_cap_equity,true,NASDAQ,SPV-KY-00001,88160R101\n");

        Assert.Equal(
            new TokenInfo("TSLA", "Tesla, \"The\" Inc.", AssetClass.LargeCapEquity, true, "NASDAQ", "SPV-KY-00001", "88160R101"),
            Assert.Single(tokens));
    }

    [Theory]
    [InlineData("ticker,name\n", "header")]
    [InlineData(Header + "aapl,Apple Inc.,large_cap_equity,true,NASDAQ,SPV-KY-00001,037833100\n", "line 2: ticker")]
    [InlineData(Header + "AAPL,Apple Inc.,equity,true,NASDAQ,SPV-KY-00001,037833100\n", "line 2: unknown asset_class")]
    [InlineData(Header + "AAPL,Apple Inc.,large_cap_equity,yes,NASDAQ,SPV-KY-00001,037833100\n", "line 2: fractional")]
    [InlineData(Header + "AAPL,Apple Inc.,large_cap_equity,true,LSE,SPV-KY-00001,037833100\n", "line 2: unknown venue")]
    [InlineData(Header + "AAPL,Apple Inc.,large_cap_equity,true,NASDAQ,SPV-KY-00001\n", "line 2: expected 7 fields")]
    [InlineData(Header + "AAPL,Apple Inc.,large_cap_equity,true,NASDAQ,SPV-KY-00001,037833100,x\n", "line 2: more than 7")]
    [InlineData(Header + "AAPL,\"Apple Inc.,large_cap_equity,true,NASDAQ,SPV-KY-00001,037833100\n", "line 2: unterminated")]
    public void Reader_Rejects_Malformed_Rows_With_The_Line_Number(string csv, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(csv));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Embedded_Seed_Has_The_Generator_Class_Mix()
    {
        var byClass = TokenCatalog.Default.All.GroupBy(t => t.AssetClass.WireName()).ToDictionary(g => g.Key, g => g.Count());

        foreach (var (assetClass, count) in FloSandbox.SeedGen.SeedAssetClass.Shape)
        {
            Assert.Equal(count, byClass[assetClass]);
        }
    }

    private static List<TokenInfo> Read(string csv) => TokenCsvReader.Read(new StringReader(csv));
}
