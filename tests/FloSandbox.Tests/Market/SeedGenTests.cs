using FloSandbox.Core.Market;
using FloSandbox.SeedGen;

namespace FloSandbox.Tests.Market;

public class SeedGenTests
{
    [Fact]
    public void Generator_Reproduces_The_Checked_In_Seed_Byte_For_Byte()
    {
        var first = SeedCsv.Write(TokenUniverseGenerator.Generate());
        var second = SeedCsv.Write(TokenUniverseGenerator.Generate());

        Assert.Equal(first, second);
        Assert.Equal(EmbeddedSeed(), first);
    }

    [Fact]
    public void Generated_Universe_Has_The_Docs_Reconciliation_Count()
    {
        Assert.Equal(8_124, TokenUniverseGenerator.Generate().Count);
    }

    [Theory]
    [InlineData("037833100")]
    [InlineData("594918104")]
    public void Cusip_Check_Digit_Matches_Published_Cusips(string cusip)
    {
        Assert.True(Cusip.IsValid(cusip));
        Assert.False(Cusip.IsValid(cusip[..8] + (char)('0' + (cusip[8] - '0' + 1) % 10)));
    }

    private static string EmbeddedSeed()
    {
        using var reader = new StreamReader(TokenCatalog.OpenEmbeddedCsv(), SeedCsv.Encoding);
        return reader.ReadToEnd();
    }
}
