using FloSandbox.Ledger;

namespace FloSandbox.Tokens;

public static class TokensRegistration
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddSingleton<ILedgerSchema, TokenSupplySchema>();
        services.AddSingleton<TokenSupplyStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<TokenSupplyStore>());
        services.AddSingleton<TokensService>();
        return services;
    }
}
