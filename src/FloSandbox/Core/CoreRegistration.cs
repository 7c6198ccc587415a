using FloSandbox.Core.Chain;
using FloSandbox.Core.Health;
using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Fees;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Core.Scheduling;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Core;

public static class CoreRegistration
{
    /// What every API module stands on, knowing none of them: the ledger and its books, tenants and
    /// their clocks, the idempotency store, the scheduler and outbox, the market and the devchains.
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section)
            .PostConfigure(o => o.DataDirectory = LedgerOptions.ResolveDataDirectory(configuration));
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Ttl > TimeSpan.Zero && o.MaxKeyBytes > 0, "Idempotency:Ttl and MaxKeyBytes must be positive.").ValidateOnStart();

        services.AddSingleton<ILedgerSchema, LedgerIdentitySchema>();
        services.AddSingleton<LedgerIdentity>();
        services.AddSingleton<ILedgerSchema, TenantsSchema>();
        services.AddSingleton<ILedgerSchema, BalancesSchema>();
        services.AddSingleton<ILedgerSchema, IdempotencySchema>();
        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantClockService>();
        services.AddSingleton<TenantGate>();
        services.AddSingleton<BalanceStore>();
        services.AddSingleton<ITenantInitializer>(sp => sp.GetRequiredService<BalanceStore>());
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<BalanceStore>());
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<IdempotencyStore>());
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<Orders.OrderSteps>();
        services.AddSingleton<ILedgerSchema, PositionsSchema>();
        services.AddSingleton<ILedgerSchema, DeveloperFeesSchema>();
        services.AddSingleton<PositionStore>();
        services.AddSingleton<DeveloperFeeStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<PositionStore>());
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<DeveloperFeeStore>());
        services.AddSingleton<ITenantLifecycle, PositionBurner>();
        services.AddSingleton<IReadinessCheck, LedgerReadiness>();
        services.AddScheduling();
        services.AddMarket();
        services.AddChain(configuration);
        return services;
    }
}
