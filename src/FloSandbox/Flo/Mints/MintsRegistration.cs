using FloSandbox.Core.Ledger;
using FloSandbox.Core.Scheduling;

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
        services.AddSingleton<MintSettler>();
        services.AddSingleton<MintService>();
        services.AddSingleton<MintSettlementWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<MintSettlementWork>());
        return services;
    }
}
