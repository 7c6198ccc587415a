using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Bridges;

/// SQL for bridges, and nothing else.
public sealed class BridgeStore(LedgerDatabase db) : ITenantStateOwner
{
    private const string Columns = """
        id, tenant_id, status, token, token_name, quantity_micros, notional_micros, from_chain, to_chain, source_wallet, destination, dvn_plan,
        burn_tx_hash, burn_gas_used, delivery_tx_hash, delivery_gas_used, unwind_tx_hash, unwind_gas_used, failure_reason,
        fail_deliveries, delivery_attempts, last_delivery_error, created_ms, deadline_ms, created_at, sent_at, delivered_at, reverted_at, step_due_ms
        """;

    private const string Values = """
        @Id, @TenantId, @Status, @Token, @TokenName, @QuantityMicros, @NotionalMicros, @FromChain, @ToChain, @SourceWallet, @Destination, @DvnPlan,
        @BurnTxHash, @BurnGasUsed, @DeliveryTxHash, @DeliveryGasUsed, @UnwindTxHash, @UnwindGasUsed, @FailureReason,
        @FailDeliveries, @DeliveryAttempts, @LastDeliveryError, @CreatedMs, @DeadlineMs, @CreatedAt, @SentAt, @DeliveredAt, @RevertedAt, @StepDueMs
        """;

    public static Task InsertAsync(LedgerSession ledger, BridgeRow row) =>
        ledger.Connection.ExecuteAsync($"INSERT INTO bridges ({Columns}) VALUES ({Values})", row, ledger.Transaction);

    /// Writes the mutable lifecycle columns of <paramref name="row"/>.
    public static Task UpdateAsync(LedgerSession ledger, BridgeRow row) =>
        ledger.Connection.ExecuteAsync("""
        UPDATE bridges SET status = @Status, burn_tx_hash = @BurnTxHash, burn_gas_used = @BurnGasUsed, delivery_tx_hash = @DeliveryTxHash,
            delivery_gas_used = @DeliveryGasUsed, unwind_tx_hash = @UnwindTxHash, unwind_gas_used = @UnwindGasUsed,
            failure_reason = @FailureReason, delivery_attempts = @DeliveryAttempts, last_delivery_error = @LastDeliveryError, sent_at = @SentAt, delivered_at = @DeliveredAt, reverted_at = @RevertedAt, step_due_ms = @StepDueMs
        WHERE id = @Id
        """, row, ledger.Transaction);

    public Task<BridgeRow?> GetAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(ledger => ledger.Connection.QuerySingleOrDefaultAsync<BridgeRow>(
            $"SELECT {Columns} FROM bridges WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }), ct);

    /// The bridge with its ledger sequence number, which its on-chain effects carry.
    public static Task<BridgeRow?> GetAsync(LedgerSession ledger, string id) =>
        ledger.Connection.QuerySingleOrDefaultAsync<BridgeRow>($"SELECT seq, {Columns} FROM bridges WHERE id = @id", new { id }, ledger.Transaction);

    /// Newest first; the cursor is the last id of the previous page.
    public Task<IReadOnlyList<BridgeRow>> ListAsync(string tenantId, PageRequest page, string? status, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<BridgeRow>>(async ledger => [.. await ledger.Connection.QueryAsync<BridgeRow>($"""
            SELECT {Columns} FROM bridges
            WHERE tenant_id = @tenantId AND (@status IS NULL OR status = @status)
              AND (@after IS NULL OR seq < (SELECT seq FROM bridges WHERE id = @after AND tenant_id = @tenantId))
            ORDER BY seq DESC LIMIT @take
            """, new { tenantId, status, after = page.StartingAfter, take = page.Limit + 1 })], ct);

    public Task<bool> ExistsAsync(string tenantId, string id, CancellationToken ct) =>
        db.ReadAsync(async ledger => await ledger.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM bridges WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }) > 0, ct);

    /// Bridges with a step due on their tenant's clock, oldest first.
    public Task<IReadOnlyList<(string TenantId, string Id)>> DueAsync(string? tenantId, long realNowMs, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(string, string)>>(async ledger => [.. await ledger.Connection.QueryAsync<(string, string)>("""
            SELECT b.tenant_id, b.id FROM bridges b INDEXED BY bridges_step_due JOIN tenants t ON t.id = b.tenant_id
            WHERE b.step_due_ms IS NOT NULL AND b.step_due_ms <= @realNowMs + t.clock_offset_ms AND (@tenantId IS NULL OR b.tenant_id = @tenantId)
            ORDER BY b.seq
            """, new { tenantId, realNowMs })], ct);

    /// The notional of the tenant's bridges on one route accepted in [<paramref name="fromMs"/>, <paramref name="toMs"/>).
    public static Task<long> NotionalInWindowAsync(LedgerSession ledger, string tenantId, string fromChain, string toChain, long fromMs, long toMs) =>
        ledger.Connection.ExecuteScalarAsync<long>("""
            SELECT COALESCE(SUM(notional_micros), 0) FROM bridges
            WHERE tenant_id = @tenantId AND from_chain = @fromChain AND to_chain = @toChain AND created_ms >= @fromMs AND created_ms < @toMs
            """, new { tenantId, fromChain, toChain, fromMs, toMs }, ledger.Transaction);

    /// Bridges with a step still to run (queued or sent), with their sequence numbers, for start-up reconciliation.
    public Task<IReadOnlyList<BridgeRow>> InFlightAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<BridgeRow>>(async ledger => [.. await ledger.Connection.QueryAsync<BridgeRow>(
            $"SELECT seq, {Columns} FROM bridges INDEXED BY bridges_step_due WHERE step_due_ms IS NOT NULL AND status IN ('queued', 'sent')")], ct);

    public Task ResetTenantAsync(LedgerSession ledger, string tenantId) =>
        ledger.Connection.ExecuteAsync("DELETE FROM bridges WHERE tenant_id = @tenantId", new { tenantId }, ledger.Transaction);
}
