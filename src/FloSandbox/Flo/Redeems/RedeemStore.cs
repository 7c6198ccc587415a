using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Redeems;

/// SQL for redeems, and the one read of mints a redeem needs: which position a mint id stands for.
public sealed class RedeemStore(LedgerDatabase db) : ITenantStateOwner
{
    private const string Columns = """
        id, tenant_id, status, position_id, asset, asset_name, quantity_micros, chain, contract_address, wallet,
        payout_currency, payout_chain, payout_wallet, payee_tenant_id, developer_fee_bps, developer_fee_destination,
        price, notional_micros, flo_fee_bps, flo_fee_micros, offramp_micros, broker_micros, spread_micros, developer_fee_micros,
        proceeds_micros, burn_tx_hash, payout_tx_hash, restore_tx_hash, fail_at, failure_reason, created_ms, created_at,
        queued_at, filled_at, settled_at, failed_at, fill_due_ms, step_due_ms, guardrail_block_ms, guardrail_micros, swap_from, pool_draw
        """;

    private const string Values = """
        @Id, @TenantId, @Status, @PositionId, @Asset, @AssetName, @QuantityMicros, @Chain, @ContractAddress, @Wallet,
        @PayoutCurrency, @PayoutChain, @PayoutWallet, @PayeeTenantId, @DeveloperFeeBps, @DeveloperFeeDestination,
        @Price, @NotionalMicros, @FloFeeBps, @FloFeeMicros, @OfframpMicros, @BrokerMicros, @SpreadMicros, @DeveloperFeeMicros,
        @ProceedsMicros, @BurnTxHash, @PayoutTxHash, @RestoreTxHash, @FailAt, @FailureReason, @CreatedMs, @CreatedAt,
        @QueuedAt, @FilledAt, @SettledAt, @FailedAt, @FillDueMs, @StepDueMs, @GuardrailBlockMs, @GuardrailMicros, @SwapFrom, @PoolDraw
        """;

    /// Inserts the redeem and sets its sequence number, which its on-chain effects carry.
    public static async Task InsertAsync(LedgerSession ledger, RedeemRow row) =>
        row.Seq = await ledger.Connection.ExecuteScalarAsync<long>($"INSERT INTO redeems ({Columns}) VALUES ({Values}) RETURNING seq", row, ledger.Transaction);

    /// Writes the mutable lifecycle columns of <paramref name="row"/>.
    public static Task UpdateAsync(LedgerSession ledger, RedeemRow row) =>
        ledger.Connection.ExecuteAsync("""
        UPDATE redeems SET status = @Status, price = @Price, notional_micros = @NotionalMicros, flo_fee_bps = @FloFeeBps,
            flo_fee_micros = @FloFeeMicros, offramp_micros = @OfframpMicros, broker_micros = @BrokerMicros, spread_micros = @SpreadMicros,
            developer_fee_micros = @DeveloperFeeMicros, proceeds_micros = @ProceedsMicros, burn_tx_hash = @BurnTxHash,
            payout_tx_hash = @PayoutTxHash, restore_tx_hash = @RestoreTxHash, failure_reason = @FailureReason, filled_at = @FilledAt,
            settled_at = @SettledAt, failed_at = @FailedAt, step_due_ms = @StepDueMs
        WHERE id = @Id
        """, row, ledger.Transaction);

    public Task<RedeemRow?> GetAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(ledger => ledger.Connection.QuerySingleOrDefaultAsync<RedeemRow>($"SELECT seq, {Columns} FROM redeems WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId, id }), ct);

    /// The redeem with its ledger sequence number, inside the caller's session.
    public static Task<RedeemRow?> GetAsync(LedgerSession ledger, string id) =>
        ledger.Connection.QuerySingleOrDefaultAsync<RedeemRow>($"SELECT seq, {Columns} FROM redeems WHERE id = @id", new { id }, ledger.Transaction);

    /// Newest first; the cursor is the last id of the previous page.
    public Task<IReadOnlyList<RedeemRow>> ListAsync(string tenantId, PageRequest page, string? status, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<RedeemRow>>(async ledger => [.. await ledger.Connection.QueryAsync<RedeemRow>($"""
            SELECT seq, {Columns} FROM redeems
            WHERE tenant_id = @tenantId AND (@status IS NULL OR status = @status)
              AND (@after IS NULL OR seq < (SELECT seq FROM redeems WHERE id = @after AND tenant_id = @tenantId))
            ORDER BY seq DESC LIMIT @take
            """, new { tenantId, status, after = page.StartingAfter, take = page.Limit + 1 })], ct);

    public Task<bool> ExistsAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(async ledger => await ledger.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM redeems WHERE tenant_id = @tenantId AND id = @id",
            new { tenantId, id }) > 0, ct);

    /// Redeems with a step due on their tenant's clock, oldest first.
    public Task<IReadOnlyList<(string TenantId, string Id)>> DueAsync(string? tenantId, long realNowMs, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(string, string)>>(async ledger => [.. await ledger.Connection.QueryAsync<(string, string)>("""
            SELECT r.tenant_id, r.id FROM redeems r INDEXED BY redeems_step_due JOIN tenants t ON t.id = r.tenant_id
            WHERE r.step_due_ms IS NOT NULL AND r.step_due_ms <= @realNowMs + t.clock_offset_ms AND (@tenantId IS NULL OR r.tenant_id = @tenantId)
            ORDER BY r.seq
            """, new { tenantId, realNowMs })], ct);

    /// Redeems with a step still to run, with their sequence numbers, for start-up reconciliation.
    public Task<IReadOnlyList<RedeemRow>> InFlightAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<RedeemRow>>(async ledger => [.. await ledger.Connection.QueryAsync<RedeemRow>(
            $"SELECT seq, {Columns} FROM redeems INDEXED BY redeems_step_due WHERE step_due_ms IS NOT NULL")], ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM redeems WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
