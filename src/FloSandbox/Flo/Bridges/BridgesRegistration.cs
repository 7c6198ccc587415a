using FloSandbox.Core.Ledger;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;
using FloSandbox.Flo.Platform.Idempotency;

namespace FloSandbox.Flo.Bridges;

public static class BridgesRegistration
{
    /// Bridges: their store, the DVN settings, the settlement and the due work that advances them.
    public static IServiceCollection AddBridges(this IServiceCollection services)
    {
        services.AddOptions<BridgeGuardrailOptions>().BindConfiguration(BridgeGuardrailOptions.Section)
            .Validate(o => o.BridgeMinAmountPerTx >= 0 && o.BridgeMaxAmountPerTx > 0 && o.BridgeMaxTotalPerBlock > 0 && o.BlockWindow > TimeSpan.Zero,
                "Bridge guardrails must be positive.")
            .ValidateOnStart();
        services.AddSingleton<BridgeGuardrails>();
        services.AddSingleton<ILedgerSchema, BridgesSchema>();
        services.AddSingleton<BridgeStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<BridgeStore>());
        services.AddSingleton<DvnSettingsStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<DvnSettingsStore>());
        services.AddSingleton<DvnSettingsService>();
        services.AddSingleton<BridgeChainEffects>();
        services.AddSingleton<IInFlightOrders, BridgesInFlight>();
        services.AddSingleton<BridgeSettlement>();
        services.AddSingleton<BridgeService>();
        services.AddIdempotentResource("bridge", async (sp, caller, id, ct) => await sp.GetRequiredService<BridgeService>().RetrieveAsync(caller, id, ct));
        services.AddSingleton<BridgeSettlementWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<BridgeSettlementWork>());
        return services;
    }
}
