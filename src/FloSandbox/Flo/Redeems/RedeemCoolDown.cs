using System.Globalization;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Redeems;

/// `redeem_cool_down`: a wallet's daily redemption ratio of an asset is what it redeemed of it in the trailing
/// 24 h of the tenant clock (this redeem included, failed redeems not) over what it held before those redeems
/// (its holding now, on every chain, plus what they took out). A redeem that would take the ratio over the
/// threshold is refused and starts the wallet's cool-down, during which every redeem from that wallet is
/// refused. Off unless configured (`Guardrails:RedeemCoolDownRatioBps`) or set by the tenant.
public sealed class RedeemCoolDown(IOptions<RedeemGuardrailOptions> options)
{
    public const string Limit = "redeem_cool_down";

    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// The threshold in bps of the holding (0: off) and how long a wallet cools down.
    public sealed record Rule(int RatioBps, TimeSpan CoolDown)
    {
        public bool Enabled => RatioBps > 0;
    }

    /// The tenant's own rule, else the configured one.
    public async Task<Rule> RuleAsync(LedgerSession ledger, string tenantId) =>
        await RedeemCoolDownStore.SettingAsync(ledger, tenantId) is { } own
            ? new Rule((int)own.RatioBps, TimeSpan.FromMilliseconds(own.CoolDownMs))
            : new Rule(options.Value.RedeemCoolDownRatioBps, options.Value.RedeemCoolDown);

    /// Checked in the transaction that accepts the redeem, before it changes anything; null when the redeem may
    /// go on. A refusal that starts a cool-down has written it: the caller commits, then refuses.
    public async Task<FloError?> CheckAsync(LedgerSession ledger, string tenantId, string asset, string wallet, decimal quantity, DateTimeOffset now)
    {
        var rule = await RuleAsync(ledger, tenantId);
        if (!rule.Enabled)
        {
            return null;
        }
        var holder = wallet.ToLowerInvariant();
        var nowMs = now.ToUnixTimeMilliseconds();
        var held = Money.FromMicros((await PositionStore.HoldingsAsync(ledger, tenantId, asset, holder)).Sum(h => h.QuantityMicros));
        var redeemed = Money.FromMicros(await RedeemCoolDownStore.RedeemedSinceAsync(ledger, tenantId, asset, holder,
            (now - Window).ToUnixTimeMilliseconds()));
        var ratioBps = (redeemed + quantity) * 10_000m / (held + redeemed);

        if (await RedeemCoolDownStore.UntilAsync(ledger, tenantId, holder) is { } running && running > nowMs)
        {
            return Refusal(rule, ratioBps, running - nowMs,
                $"Wallet {wallet} is cooling down under {Limit} until {Instant(running)}: it redeems again after that.");
        }
        if (ratioBps <= rule.RatioBps)
        {
            return null;
        }
        var until = nowMs + (long)rule.CoolDown.TotalMilliseconds;
        await RedeemCoolDownStore.StartAsync(ledger, tenantId, holder, until);
        return Refusal(rule, ratioBps, until - nowMs,
            $"Wallet {wallet} would have redeemed {Bps(ratioBps)} bps of its {asset} holding in 24 h, over {Limit}'s {rule.RatioBps} bps: "
            + $"it cools down until {Instant(until)}.");
    }

    private static FloError Refusal(Rule rule, decimal ratioBps, long remainingMs, string detail) =>
        FloError.Of(FloErrorCatalog.GuardrailTriggered, detail,
            ("limit", Limit), ("limit_value", rule.RatioBps.ToString(CultureInfo.InvariantCulture)), ("current_value", Bps(ratioBps)),
            ("retry_after_seconds", (int)Math.Ceiling(remainingMs / 1000.0)));

    /// Whole bps, rounded up, so a ratio over the threshold never reads as equal to it.
    private static string Bps(decimal ratioBps) => decimal.Ceiling(ratioBps).ToString("0", CultureInfo.InvariantCulture);

    private static string Instant(long ms) => TenantClockService.Format(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
