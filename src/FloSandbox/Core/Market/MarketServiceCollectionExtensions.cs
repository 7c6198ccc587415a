using FloSandbox.Core.Ledger;
using FloSandbox.Core.Market.Overrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FloSandbox.Core.Market;

public static class MarketServiceCollectionExtensions
{
    // The catalog (embedded seed), MarketHours (Market:Mode), PriceOracle, and each tenant's price overrides.
    public static IServiceCollection AddMarket(this IServiceCollection services)
    {
        services.AddOptions<MarketOptions>()
            .BindConfiguration(MarketOptions.SectionName)
            .Validate(o => MarketOptions.TryParseMode(o.Mode, out _), "Market:Mode must be auto, open or closed.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => TokenCatalog.Default);
        services.TryAddSingleton<MarketHours>();
        services.TryAddSingleton<PriceOracle>();
        services.AddSingleton<ILedgerSchema, PriceOverridesSchema>();
        services.AddSingleton<PriceOverrideStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<PriceOverrideStore>());
        services.AddSingleton<TenantPrices>();
        return services;
    }
}
