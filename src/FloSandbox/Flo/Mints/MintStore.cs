using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Mints;

/// SQL for mints, and nothing else.
public sealed class MintStore(LedgerDatabase db) : ITenantStateOwner
{
    private const string Columns = """
        id, tenant_id, status, asset, asset_name, quantity_micros, price, notional_micros, flo_fee_bps, flo_fee_micros,
        onramp_micros, broker_micros, spread_micros, developer_fee_bps, developer_fee_destination, developer_fee_micros, total_micros,
        deploy_gas_used, deploy_charge_micros, currency, chain, wallet, payer, contract_address, auto_deployed, tx_hash, payment_tx_hash,
        fail_at, failure_reason, created_ms, created_at, queued_at, filled_at, settled_at, failed_at, fill_due_ms,
        step_due_ms, refund_tx_hash, deploy_charge_tx_hash
        """;

    private const string Values = """
        @Id, @TenantId, @Status, @Asset, @AssetName, @QuantityMicros, @Price, @NotionalMicros, @FloFeeBps, @FloFeeMicros,
        @OnrampMicros, @BrokerMicros, @SpreadMicros, @DeveloperFeeBps, @DeveloperFeeDestination, @DeveloperFeeMicros, @TotalMicros,
        @DeployGasUsed, @DeployChargeMicros, @Currency, @Chain, @Wallet, @Payer, @ContractAddress, @AutoDeployed, @TxHash, @PaymentTxHash,
        @FailAt, @FailureReason, @CreatedMs, @CreatedAt, @QueuedAt, @FilledAt, @SettledAt, @FailedAt, @FillDueMs,
        @StepDueMs, @RefundTxHash, @DeployChargeTxHash
        """;

    public static Task InsertAsync(LedgerSession ledger, MintRow row) =>
        ledger.Connection.ExecuteAsync($"INSERT INTO mints ({Columns}) VALUES ({Values})", row, ledger.Transaction);

    /// Writes the mutable lifecycle columns of <paramref name="row"/>.
    public static Task UpdateAsync(LedgerSession ledger, MintRow row) =>
        ledger.Connection.ExecuteAsync("""
        UPDATE mints SET status = @Status, tx_hash = @TxHash, payment_tx_hash = @PaymentTxHash, contract_address = @ContractAddress,
            auto_deployed = @AutoDeployed, deploy_gas_used = @DeployGasUsed, deploy_charge_micros = @DeployChargeMicros,
            failure_reason = @FailureReason, filled_at = @FilledAt, settled_at = @SettledAt, failed_at = @FailedAt, fill_due_ms = @FillDueMs,
            step_due_ms = @StepDueMs, refund_tx_hash = @RefundTxHash, deploy_charge_tx_hash = @DeployChargeTxHash
        WHERE id = @Id
        """, row, ledger.Transaction);

    public Task<MintRow?> GetAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(ledger => ledger.Connection.QuerySingleOrDefaultAsync<MintRow>($"SELECT {Columns} FROM mints WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId, id }), ct);

    /// The mint with its ledger sequence number, which its on-chain effects carry.
    public static Task<MintRow?> GetAsync(LedgerSession ledger, string id) =>
        ledger.Connection.QuerySingleOrDefaultAsync<MintRow>($"SELECT seq, {Columns} FROM mints WHERE id = @id", new { id }, ledger.Transaction);

    /// Newest first, as list endpoints return them; the cursor is the last id of the previous page.
    public Task<IReadOnlyList<MintRow>> ListAsync(string tenantId, PageRequest page, string? status, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<MintRow>>(async ledger => [.. await ledger.Connection.QueryAsync<MintRow>($"""
            SELECT {Columns} FROM mints
            WHERE tenant_id = @tenantId AND (@status IS NULL OR status = @status)
              AND (@after IS NULL OR seq < (SELECT seq FROM mints WHERE id = @after AND tenant_id = @tenantId))
            ORDER BY seq DESC LIMIT @take
            """, new { tenantId, status, after = page.StartingAfter, take = page.Limit + 1 })], ct);

    public Task<bool> ExistsAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(async ledger => await ledger.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mints WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId, id }) > 0, ct);

    /// Mints with a step due on their tenant's clock, oldest first.
    public Task<IReadOnlyList<(string TenantId, string Id)>> DueAsync(string? tenantId, long realNowMs, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(string, string)>>(async ledger => [.. await ledger.Connection.QueryAsync<(string, string)>("""
            SELECT m.tenant_id, m.id FROM mints m INDEXED BY mints_step_due JOIN tenants t ON t.id = m.tenant_id
            WHERE m.step_due_ms IS NOT NULL AND m.step_due_ms <= @realNowMs + t.clock_offset_ms AND (@tenantId IS NULL OR m.tenant_id = @tenantId)
            ORDER BY m.seq
            """, new { tenantId, realNowMs })], ct);

    /// What mints in flight have booked on the ledger but not yet moved on chain, per tenant and currency:
    /// a payment debited and not yet burned (positive), a refund credited and not yet paid (negative), a
    /// deployment charge debited and not yet burned (positive).
    public Task<IReadOnlyList<(string TenantId, string Currency, long Micros)>> PendingStablecoinsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(string, string, long)>>(async ledger => [.. await ledger.Connection.QueryAsync<(string, string, long)>("""
            SELECT tenant_id, currency, SUM(CASE
                WHEN status IN ('pending', 'queued', 'filled') AND payment_tx_hash IS NULL THEN total_micros
                WHEN status = 'failed' AND payment_tx_hash IS NOT NULL AND refund_tx_hash IS NULL THEN -total_micros
                WHEN status = 'settled' AND deploy_charge_micros > 0 AND deploy_charge_tx_hash IS NULL THEN deploy_charge_micros
                ELSE 0 END)
            FROM mints INDEXED BY mints_step_due WHERE step_due_ms IS NOT NULL GROUP BY tenant_id, currency
            """)], ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM mints WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);

    /// The mint and the holding it delivers to (see <see cref="MintHoldingOrigins"/>); null when the tenant has no such mint.
    public static async Task<HoldingOrigin?> OriginAsync(LedgerSession ledger, string tenantId, string mintId) =>
        await ledger.Connection.QuerySingleOrDefaultAsync<OriginRow>("""
            SELECT asset AS Ticker, chain AS Chain, wallet AS Wallet, status AS Status, currency AS Currency
            FROM mints WHERE tenant_id = @tenantId AND id = @mintId
            """, new { tenantId, mintId }, ledger.Transaction) is { } row
            ? new HoldingOrigin(row.Ticker, row.Chain, row.Wallet, row.Status == MintStatus.Settled.Wire(), row.Status, row.Currency)
            : null;

    private sealed record OriginRow(string Ticker, string Chain, string Wallet, string Status, string Currency);

    /// The currency of the tenant's latest settled mint of <paramref name="ticker"/> to <paramref name="wallet"/> (lower-case), on
    /// any chain; null when none delivered there.
    public static Task<string?> LatestSettledCurrencyAsync(LedgerSession ledger, string tenantId, string ticker, string wallet) =>
        ledger.Connection.QuerySingleOrDefaultAsync<string?>("""
            SELECT currency FROM mints WHERE tenant_id = @tenantId AND asset = @ticker AND lower(wallet) = @wallet AND status = 'settled'
            ORDER BY seq DESC LIMIT 1
            """, new { tenantId, ticker, wallet }, ledger.Transaction);
}
