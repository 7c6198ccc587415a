using FloSandbox.Ledger;

namespace FloSandbox.Prices;

public static class PricesRegistration
{
    public static IServiceCollection AddPrices(this IServiceCollection services)
    {
        services.AddSingleton<ILedgerSchema, PriceOverridesSchema>();
        services.AddSingleton<PriceOverrideStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<PriceOverrideStore>());
        services.AddSingleton<TenantPrices>();
        return services;
    }
}
