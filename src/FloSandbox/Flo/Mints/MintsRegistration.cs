using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;
using FloSandbox.Flo.Platform.Idempotency;

namespace FloSandbox.Flo.Mints;

public static class MintsRegistration
{
    /// Mints: their store, guardrails, settlement and the due work that fills queued ones.
    public static IServiceCollection AddMints(this IServiceCollection services)
    {
        services.AddOptions<GuardrailOptions>().BindConfiguration(GuardrailOptions.Section)
            .Validate(o => o.MintMinPerTx >= 0 && o.MintMaxNotionalPerAddressPerBlock > 0 && o.MintMaxTotalPerBlock > 0
                && o.MintDailyNotionalPerAsset > 0 && o.BlockWindow > TimeSpan.Zero, "Guardrails must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ILedgerSchema, MintsSchema>();
        services.AddSingleton<MintStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<MintStore>());
        services.AddSingleton<MintGuardrails>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<MintGuardrails>());
        services.AddOptions<MintOptions>().BindConfiguration(MintOptions.Section)
            .Validate(o => o.InlineWait >= TimeSpan.Zero, "Mints:InlineWait must not be negative.").ValidateOnStart();
        services.AddSingleton<MintChainEffects>();
        services.AddSingleton<IInFlightOrders, MintsInFlight>();
        services.AddSingleton<IHoldingOrigins, MintHoldingOrigins>();
        services.AddSingleton<MintSettlement>();
        services.AddSingleton<MintService>();
        services.AddIdempotentResource("mint", async (sp, caller, id, ct) => await sp.GetRequiredService<MintService>().RetrieveAsync(caller, id, ct));
        services.AddSingleton<MintSettlementWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<MintSettlementWork>());
        return services;
    }
}
