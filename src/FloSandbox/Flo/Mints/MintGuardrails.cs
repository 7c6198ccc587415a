using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Mints;

/// Checks a mint against the guardrails inside the transaction that accepts it, and counts it. Counters
/// are bucketed so a check is a few point reads however long the history: one bucket per block for a
/// wallet and for the tenant, and hourly buckets per asset for the 24-hour window (so that window is
/// between 23 and 24 hours long). A mint that fails is taken off the counters again.
public sealed class MintGuardrails(IOptions<GuardrailOptions> options) : ITenantStateOwner
{
    private static readonly long HourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
    private static readonly long DayMs = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    public async Task CheckAndCountAsync(LedgerSession ledger, string tenantId, MintOrder order, decimal notional, DateTimeOffset now)
    {
        var o = options.Value;
        if (notional < o.MintMinPerTx)
        {
            throw Breach("mint_min_per_tx", o.MintMinPerTx, notional, 0, $"Notional {Money.Usd(notional)} USDC is below mint_min_per_tx.", fitsAlone: false);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)o.BlockWindow.TotalMilliseconds;
        var block = nowMs / windowMs * windowMs;
        var untilNextBlock = (int)Math.Ceiling((block + windowMs - nowMs) / 1000.0);

        var hour = nowMs / HourMs * HourMs;
        var firstHour = hour - DayMs + HourMs;
        var counted = await GuardrailCounterStore.SumsAsync(ledger, tenantId, order.Wallet, order.Token.Ticker, block, firstHour, hour);

        var perAddress = notional + Money.FromMicros(counted.Wallet);
        if (perAddress > o.MintMaxNotionalPerAddressPerBlock)
        {
            throw Breach("mint_max_notional_per_address_per_block", o.MintMaxNotionalPerAddressPerBlock, perAddress, untilNextBlock,
                "Your address exceeded mint_max_notional_per_address_per_block in the current block.", notional <= o.MintMaxNotionalPerAddressPerBlock);
        }
        var total = notional + Money.FromMicros(counted.Tenant);
        if (total > o.MintMaxTotalPerBlock)
        {
            throw Breach("mint_max_total_per_block", o.MintMaxTotalPerBlock, total, untilNextBlock,
                "Mints in the current block exceeded mint_max_total_per_block.", notional <= o.MintMaxTotalPerBlock);
        }
        var daily = notional + Money.FromMicros(counted.Asset);
        if (daily > o.MintDailyNotionalPerAsset)
        {
            var oldest = await GuardrailCounterStore.OldestAssetHourAsync(ledger, tenantId, order.Token.Ticker, firstHour) ?? hour;
            throw Breach("mint_daily_notional_per_asset", o.MintDailyNotionalPerAsset, daily,
                (int)Math.Ceiling((oldest + DayMs - nowMs) / 1000.0),
                $"Mints of {order.Token.Ticker} in the last 24 hours exceeded mint_daily_notional_per_asset.", notional <= o.MintDailyNotionalPerAsset);
        }

        await AddAsync(ledger, tenantId, order.Wallet, order.Token.Ticker, nowMs, Money.ToMicros(notional));
    }

    /// Takes a failed mint off the counters it was added to.
    public Task ReleaseAsync(LedgerSession ledger, MintRow row) =>
        AddAsync(ledger, row.TenantId, row.Wallet, row.Asset, row.CreatedMs, -row.NotionalMicros);

    private Task AddAsync(LedgerSession ledger, string tenantId, string wallet, string ticker, long atMs, long micros)
    {
        var windowMs = (long)options.Value.BlockWindow.TotalMilliseconds;
        return GuardrailCounterStore.AddAsync(ledger, tenantId, wallet, ticker, atMs / windowMs * windowMs, atMs / HourMs * HourMs, micros);
    }

    /// A breach is retryable when waiting can help: the window moves on and this mint alone fits the limit.
    /// A mint below the minimum, or larger than a limit by itself, never passes however long the caller waits.
    private static FloException Breach(string limit, decimal limitValue, decimal current, int retryAfter, string detail, bool fitsAlone) =>
        (FloError.Of(FloErrorCatalog.GuardrailTriggered, detail,
            ("limit", limit), ("limit_value", Money.Usd(limitValue)), ("current_value", Money.Usd(current)),
            ("retry_after_seconds", fitsAlone ? retryAfter : 0)) with { Retryable = fitsAlone }).ToException();

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) => GuardrailCounterStore.ResetTenantAsync(ledger, tenantId);
}
