using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Fees;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Scheduling;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Positions;

namespace FloSandbox.Flo.Mints;

public static class MintsRegistration
{
    /// Mints, the positions they create and the developer fees they accrue.
    public static IServiceCollection AddMints(this IServiceCollection services)
    {
        services.AddOptions<GuardrailOptions>().BindConfiguration(GuardrailOptions.Section)
            .Validate(o => o.MintMinPerTx >= 0 && o.MintMaxNotionalPerAddressPerBlock > 0 && o.MintMaxTotalPerBlock > 0
                && o.MintDailyNotionalPerAsset > 0 && o.BlockWindow > TimeSpan.Zero, "Guardrails must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ILedgerSchema, MintsSchema>();
        services.AddSingleton<ILedgerSchema, PositionsSchema>();
        services.AddSingleton<ILedgerSchema, DeveloperFeesSchema>();
        services.AddSingleton<MintStore>();
        services.AddSingleton<PositionStore>();
        services.AddSingleton<DeveloperFeeStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<MintStore>());
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<PositionStore>());
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<DeveloperFeeStore>());
        services.AddSingleton<ITenantLifecycle, PositionBurner>();
        services.AddSingleton<MintGuardrails>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<MintGuardrails>());
        services.AddSingleton<MintSettler>();
        services.AddSingleton<MintService>();
        services.AddSingleton<MintSettlementWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<MintSettlementWork>());
        services.AddSingleton<PositionsService>();
        return services;
    }
}
