using FloSandbox.Core.Ledger;
using FloSandbox.Core.Orders;
using FloSandbox.Core.Scheduling;
using FloSandbox.Flo.Platform.Idempotency;

namespace FloSandbox.Flo.Redeems;

public static class RedeemsRegistration
{
    /// Redeems: their store, guardrails, payout pools, settlement and the due work that fills queued ones and
    /// completes their steps.
    public static IServiceCollection AddRedeems(this IServiceCollection services)
    {
        services.AddOptions<RedeemGuardrailOptions>().BindConfiguration(RedeemGuardrailOptions.Section)
            .Validate(o => o.RedeemMaxPerBlock > 0 && o.BlockWindow > TimeSpan.Zero, "Guardrails:RedeemMaxPerBlock and Guardrails:BlockWindow must be positive.")
            .Validate(o => o.RedeemCoolDownRatioBps is >= 0 and <= RedeemCoolDownService.MaxRatioBps,
                $"Guardrails:RedeemCoolDownRatioBps must be from 0 (off) to {RedeemCoolDownService.MaxRatioBps}.")
            .Validate(o => o.RedeemCoolDown > TimeSpan.Zero && o.RedeemCoolDown.TotalSeconds <= RedeemCoolDownService.MaxCoolDownSeconds,
                "Guardrails:RedeemCoolDown must be positive and at most 30 days.")
            .ValidateOnStart();
        services.AddSingleton<ILedgerSchema, RedeemsSchema>();
        services.AddSingleton<RedeemStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<RedeemStore>());
        services.AddOptions<RedeemOptions>().BindConfiguration(RedeemOptions.Section)
            .Validate(o => o.InlineWait >= TimeSpan.Zero, "Redeems:InlineWait must not be negative.")
            .Validate(o => o.PayoutPoolLiquidity is >= 0 and <= PayoutPoolService.MaxLiquidity,
                $"Redeems:PayoutPoolLiquidity must be from 0 to {PayoutPoolService.MaxLiquidity:0}.")
            .Validate(o => o.PayoutPoolRecheck > TimeSpan.Zero, "Redeems:PayoutPoolRecheck must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RedeemGuardrails>();
        services.AddSingleton<ITenantStateOwner, RedeemGuardrailStore>();
        services.AddSingleton<RedeemCoolDown>();
        services.AddSingleton<RedeemCoolDownService>();
        services.AddSingleton<ITenantStateOwner, RedeemCoolDownStore>();
        services.AddSingleton<PayoutPools>();
        services.AddSingleton<PayoutPoolService>();
        services.AddSingleton<ITenantStateOwner, PayoutPoolStore>();
        services.AddSingleton<RedeemChainEffects>();
        services.AddSingleton<IInFlightOrders, RedeemsInFlight>();
        services.AddSingleton<RedeemSettlement>();
        services.AddSingleton<RedeemService>();
        services.AddIdempotentResource("redeem", async (sp, caller, id, ct) => await sp.GetRequiredService<RedeemService>().RetrieveAsync(caller, id, ct));
        services.AddSingleton<RedeemSettlementWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<RedeemSettlementWork>());
        return services;
    }
}
