using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Redeems;

/// `redeem_max_per_block`: checks a redeem inside the transaction that accepts it and counts its notional
/// (NAV at acceptance × quantity) in the tenant's current block; a redeem that fails is taken off again.
public sealed class RedeemGuardrails(IOptions<RedeemGuardrailOptions> options)
{
    public const string Limit = "redeem_max_per_block";

    /// Counts <paramref name="notional"/> and returns the block it was counted in.
    public async Task<long> CheckAndCountAsync(LedgerSession ledger, string tenantId, decimal notional, DateTimeOffset now)
    {
        var o = options.Value;
        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)o.BlockWindow.TotalMilliseconds;
        var block = nowMs / windowMs * windowMs;
        var total = notional + Money.FromMicros(await RedeemGuardrailStore.SumAsync(ledger, tenantId, block));
        if (total > o.RedeemMaxPerBlock)
        {
            // Waiting helps only a redeem that fits the limit by itself.
            var fitsAlone = notional <= o.RedeemMaxPerBlock;
            var retryAfter = fitsAlone ? (int)Math.Ceiling((block + windowMs - nowMs) / 1000.0) : 0;
            throw (FloError.Of(FloErrorCatalog.GuardrailTriggered, $"Redeems in the current block exceeded {Limit}.",
                ("limit", Limit), ("limit_value", Money.Usd(o.RedeemMaxPerBlock)), ("current_value", Money.Usd(total)),
                ("retry_after_seconds", retryAfter)) with { Retryable = fitsAlone }).ToException();
        }
        await RedeemGuardrailStore.AddAsync(ledger, tenantId, block, Money.ToMicros(notional));
        return block;
    }

    /// Takes a failed redeem off the block it was counted in.
    public static Task ReleaseAsync(LedgerSession ledger, RedeemRow row) =>
        RedeemGuardrailStore.AddAsync(ledger, row.TenantId, row.GuardrailBlockMs, -row.GuardrailMicros);
}
