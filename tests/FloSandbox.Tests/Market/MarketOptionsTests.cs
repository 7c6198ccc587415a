using FloSandbox.Core.Market;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FloSandbox.Tests.Market;

public class MarketOptionsTests
{
    [Theory]
    [InlineData("auto", MarketMode.Auto)]
    [InlineData("open", MarketMode.AlwaysOpen)]
    [InlineData("closed", MarketMode.AlwaysClosed)]
    [InlineData(" OPEN ", MarketMode.AlwaysOpen)]
    [InlineData("AlwaysClosed", MarketMode.AlwaysClosed)]
    public void Mode_Parses_Case_Insensitively(string value, MarketMode expected)
    {
        Assert.True(MarketOptions.TryParseMode(value, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_Modes_Do_Not_Parse(string? value)
    {
        Assert.False(MarketOptions.TryParseMode(value, out _));
    }

    [Fact]
    public void Add_Market_Registers_Singletons_In_Auto_Mode_By_Default()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.Equal(MarketMode.Auto, provider.GetRequiredService<MarketHours>().Mode);
        Assert.Same(provider.GetRequiredService<PriceOracle>(), provider.GetRequiredService<PriceOracle>());
        Assert.Same(TokenCatalog.Default, provider.GetRequiredService<TokenCatalog>());
    }

    [Fact]
    public void Add_Market_Reads_The_Mode_From_Configuration()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Market:Mode"] = "closed" });

        Assert.Equal(MarketMode.AlwaysClosed, provider.GetRequiredService<MarketHours>().Mode);
    }

    [Fact]
    public void Add_Market_Rejects_An_Unknown_Mode()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Market:Mode"] = "sometimes" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MarketHours>());
        Assert.Contains("Market:Mode", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMarket();
        return services.BuildServiceProvider();
    }
}
