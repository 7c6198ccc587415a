using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FloSandbox.Market;

public static class MarketServiceCollectionExtensions
{
    // Registers the catalog (embedded seed), MarketHours (Market:Mode) and PriceOracle as singletons.
    public static IServiceCollection AddMarket(this IServiceCollection services)
    {
        services.AddOptions<MarketOptions>()
            .BindConfiguration(MarketOptions.SectionName)
            .Validate(o => MarketOptions.TryParseMode(o.Mode, out _), "Market:Mode must be auto, open or closed.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => TokenCatalog.Default);
        services.TryAddSingleton<MarketHours>();
        services.TryAddSingleton<PriceOracle>();
        services.TryAddSingleton<MarketFacts>();
        services.TryAddSingleton<FloSandbox.Platform.ErrorInjection.IMarketFacts>(sp => sp.GetRequiredService<MarketFacts>());
        return services;
    }
}
