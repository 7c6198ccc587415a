using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Redeems;

internal sealed class RedeemsSchema : ILedgerSchema
{
    public string Name => "redeems";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE redeems (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued', 'filled', 'settled', 'failed')),
            position_id TEXT NOT NULL,
            asset TEXT NOT NULL,
            asset_name TEXT NOT NULL,
            quantity_micros INTEGER NOT NULL CHECK (quantity_micros > 0),
            chain TEXT NOT NULL,
            contract_address TEXT NOT NULL,
            wallet TEXT NOT NULL,
            payout_currency TEXT NOT NULL,
            payout_chain TEXT NOT NULL,
            payout_wallet TEXT NOT NULL,
            payee_tenant_id TEXT,
            developer_fee_bps INTEGER,
            developer_fee_destination TEXT,
            price TEXT,
            notional_micros INTEGER NOT NULL DEFAULT 0,
            flo_fee_bps INTEGER NOT NULL DEFAULT 0,
            flo_fee_micros INTEGER NOT NULL DEFAULT 0,
            offramp_micros INTEGER NOT NULL DEFAULT 0,
            broker_micros INTEGER NOT NULL DEFAULT 0,
            spread_micros INTEGER NOT NULL DEFAULT 0,
            developer_fee_micros INTEGER NOT NULL DEFAULT 0,
            proceeds_micros INTEGER NOT NULL DEFAULT 0,
            burn_tx_hash TEXT,
            payout_tx_hash TEXT,
            restore_tx_hash TEXT,
            fail_at TEXT,
            failure_reason TEXT,
            created_ms INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            queued_at TEXT,
            filled_at TEXT,
            settled_at TEXT,
            failed_at TEXT,
            fill_due_ms INTEGER NOT NULL,
            step_due_ms INTEGER
        );
        CREATE INDEX redeems_tenant ON redeems(tenant_id, seq);
        CREATE INDEX redeems_step_due ON redeems(step_due_ms) WHERE step_due_ms IS NOT NULL;
        """,
        // redeem_max_per_block: notional counted per tenant and block, and what each redeem counted where.
        """
        CREATE TABLE redeem_guardrail_counters (
            tenant_id TEXT NOT NULL,
            bucket_ms INTEGER NOT NULL,
            notional_micros INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, bucket_ms)
        );
        ALTER TABLE redeems ADD COLUMN guardrail_block_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE redeems ADD COLUMN guardrail_micros INTEGER NOT NULL DEFAULT 0;
        """,
        // Payout pools: a tenant's liquidity per (currency, chain), a row only once it differs from the configured
        // default, and the place of each redeem in its pool's queue (waiting, then drawn).
        """
        CREATE TABLE redeem_payout_pools (
            tenant_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            chain TEXT NOT NULL,
            liquidity_micros INTEGER NOT NULL CHECK (liquidity_micros >= 0),
            PRIMARY KEY (tenant_id, currency, chain)
        );
        ALTER TABLE redeems ADD COLUMN pool_draw TEXT CHECK (pool_draw IN ('waiting', 'drawn'));
        CREATE INDEX redeems_pool_waiting ON redeems(tenant_id, payout_currency, payout_chain, seq) WHERE pool_draw = 'waiting';
        """,
        // The swap a payout in another currency than the holding was minted in records: the minted currency (null: none).
        "ALTER TABLE redeems ADD COLUMN swap_from TEXT;",
        // redeem_cool_down: a tenant's own setting (none: the configured one), the wallets cooling down, and the
        // index the trailing day's redeemed quantity of a holder is summed with.
        """
        CREATE TABLE redeem_cool_down_settings (
            tenant_id TEXT PRIMARY KEY,
            ratio_bps INTEGER NOT NULL CHECK (ratio_bps >= 0),
            cool_down_ms INTEGER NOT NULL CHECK (cool_down_ms >= 0)
        );
        CREATE TABLE redeem_cool_downs (
            tenant_id TEXT NOT NULL,
            wallet TEXT NOT NULL,
            until_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, wallet)
        );
        CREATE INDEX redeems_holder_window ON redeems(tenant_id, asset, created_ms);
        """,
    ];
}
