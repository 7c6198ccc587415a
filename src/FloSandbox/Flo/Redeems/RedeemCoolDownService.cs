using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Redeems;

/// `GET/POST /v1/sandbox/guardrails/redeem_cool_down` (sandbox-only): the tenant's `redeem_cool_down`, which the
/// docs make configurable by the API customer. Setting it replaces the configured rule for this tenant and ends
/// the cool-downs running under the old one.
public sealed class RedeemCoolDownService(LedgerDatabase db, RedeemCoolDown coolDown)
{
    public const int MaxRatioBps = 9_999;
    public const int MaxCoolDownSeconds = 30 * 86_400;

    public Task<RedeemCoolDownView> GetAsync(TenantContext caller, CancellationToken ct) =>
        db.ReadAsync(ledger => ViewAsync(ledger, caller), ct);

    public Task<RedeemCoolDownView> SetAsync(TenantContext caller, RedeemCoolDownRequest request, CancellationToken ct)
    {
        var setting = Validate(request);
        return db.WriteAsync(async ledger =>
        {
            await RedeemCoolDownStore.SetAsync(ledger, caller.TenantId, setting);
            return await ViewAsync(ledger, caller);
        }, ct);
    }

    private static RedeemCoolDownStore.Setting Validate(RedeemCoolDownRequest request)
    {
        switch (request)
        {
            case { Enabled: null }:
                throw FloException.Invalid("enabled", "enabled is required: true with ratio_bps and cool_down_seconds, or false.");
            case { Enabled: false, RatioBps: not null }:
                throw FloException.Invalid("ratio_bps", "ratio_bps goes with enabled: true only.");
            case { Enabled: false, CoolDownSeconds: not null }:
                throw FloException.Invalid("cool_down_seconds", "cool_down_seconds goes with enabled: true only.");
            case { Enabled: false }:
                return new RedeemCoolDownStore.Setting(0, 0);
            case { RatioBps: not (>= 1 and <= MaxRatioBps) }:
                throw FloException.Invalid("ratio_bps",
                    $"ratio_bps must be an integer from 1 to {MaxRatioBps} (bps of the wallet's holding redeemed in 24 h); got {request.RatioBps?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
            case { CoolDownSeconds: not (>= 1 and <= MaxCoolDownSeconds) }:
                throw FloException.Invalid("cool_down_seconds",
                    $"cool_down_seconds must be an integer from 1 to {MaxCoolDownSeconds} (30 days); got {request.CoolDownSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
            default:
                return new RedeemCoolDownStore.Setting(request.RatioBps!.Value, request.CoolDownSeconds!.Value * 1000L);
        }
    }

    private async Task<RedeemCoolDownView> ViewAsync(LedgerSession ledger, TenantContext caller)
    {
        var rule = await coolDown.RuleAsync(ledger, caller.TenantId);
        var cooling = await RedeemCoolDownStore.CoolingAsync(ledger, caller.TenantId, caller.Now.ToUnixTimeMilliseconds());
        return new RedeemCoolDownView(rule.Enabled, rule.Enabled ? rule.RatioBps : null, rule.Enabled ? (int)rule.CoolDown.TotalSeconds : null,
            (int)RedeemCoolDown.Window.TotalSeconds,
            [.. cooling.Select(c => new WalletCoolDownView(c.Wallet, TenantClockService.Format(DateTimeOffset.FromUnixTimeMilliseconds(c.UntilMs))))]);
    }
}
