using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Bridges;

/// Checks a bridge against the docs' three bridge guardrails inside the transaction that accepts it: a dust
/// floor and a cap per message, and a cap per route (from_chain → to_chain) and block for the tenant.
public sealed class BridgeGuardrails(IOptions<BridgeGuardrailOptions> options)
{
    public async Task CheckAsync(LedgerSession ledger, BridgeRow row, decimal notional, DateTimeOffset now)
    {
        var o = options.Value;
        if (notional < o.BridgeMinAmountPerTx)
        {
            throw Breach("bridge_min_amount_per_tx", o.BridgeMinAmountPerTx, notional, 0,
                $"Notional {Money.Usd(notional)} USDC is below bridge_min_amount_per_tx.", fitsAlone: false);
        }
        if (notional > o.BridgeMaxAmountPerTx)
        {
            throw Breach("bridge_max_amount_per_tx", o.BridgeMaxAmountPerTx, notional, 0,
                $"Notional {Money.Usd(notional)} USDC is above bridge_max_amount_per_tx; split it into smaller bridges.", fitsAlone: false);
        }
        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)o.BlockWindow.TotalMilliseconds;
        var block = nowMs / windowMs * windowMs;
        var counted = await BridgeStore.NotionalInWindowAsync(ledger, row.TenantId, row.FromChain, row.ToChain, block, block + windowMs);
        var total = notional + Money.FromMicros(counted);
        if (total > o.BridgeMaxTotalPerBlock)
        {
            throw Breach("bridge_max_total_per_block", o.BridgeMaxTotalPerBlock, total, (int)Math.Ceiling((block + windowMs - nowMs) / 1000.0),
                $"Bridges from {row.FromChain} to {row.ToChain} in the current block exceeded bridge_max_total_per_block.",
                notional <= o.BridgeMaxTotalPerBlock);
        }
    }

    /// Retryable only when waiting can help: the block moves on and this bridge alone fits the limit.
    private static FloException Breach(string limit, decimal limitValue, decimal current, int retryAfter, string detail, bool fitsAlone) =>
        (FloError.Of(FloErrorCatalog.GuardrailTriggered, detail,
            ("limit", limit), ("limit_value", Money.Usd(limitValue)), ("current_value", Money.Usd(current)),
            ("retry_after_seconds", fitsAlone ? retryAfter : 0)) with { Retryable = fitsAlone }).ToException();
}
