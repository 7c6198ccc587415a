using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Mints;

internal sealed class MintsSchema : ILedgerSchema
{
    public string Name => "mints";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE mints (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'queued', 'filled', 'settled', 'failed')),
            asset TEXT NOT NULL,
            asset_name TEXT NOT NULL,
            quantity_micros INTEGER NOT NULL,
            price TEXT NOT NULL,
            notional_micros INTEGER NOT NULL,
            flo_fee_bps INTEGER NOT NULL,
            flo_fee_micros INTEGER NOT NULL,
            onramp_micros INTEGER NOT NULL,
            broker_micros INTEGER NOT NULL,
            spread_micros INTEGER NOT NULL,
            developer_fee_bps INTEGER,
            developer_fee_destination TEXT,
            developer_fee_micros INTEGER NOT NULL DEFAULT 0,
            total_micros INTEGER NOT NULL,
            deploy_gas_used INTEGER NOT NULL DEFAULT 0,
            deploy_charge_micros INTEGER NOT NULL DEFAULT 0,
            currency TEXT NOT NULL,
            chain TEXT NOT NULL,
            wallet TEXT NOT NULL,
            payer TEXT NOT NULL,
            contract_address TEXT NOT NULL,
            auto_deployed INTEGER NOT NULL DEFAULT 0,
            tx_hash TEXT,
            payment_tx_hash TEXT,
            fail_at TEXT,
            failure_reason TEXT,
            created_ms INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            queued_at TEXT,
            filled_at TEXT,
            settled_at TEXT,
            failed_at TEXT,
            fill_due_ms INTEGER
        );
        CREATE INDEX mints_tenant ON mints(tenant_id, created_ms, id);
        CREATE INDEX mints_due ON mints(status, fill_due_ms);
        """,
        """
        CREATE TABLE mint_guardrail_counters (
            tenant_id TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('wallet', 'tenant', 'asset')),
            scope_key TEXT NOT NULL,
            bucket_ms INTEGER NOT NULL,
            notional_micros INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, scope, scope_key, bucket_ms)
        );
        """,
        // Every step of a mint is durable due work: payment, fill, settlement, refund and deployment charge
        // each run when step_due_ms comes, whoever asks (the request, the scheduler, a restart).
        """
        ALTER TABLE mints ADD COLUMN step_due_ms INTEGER;
        ALTER TABLE mints ADD COLUMN refund_tx_hash TEXT;
        ALTER TABLE mints ADD COLUMN deploy_charge_tx_hash TEXT;
        UPDATE mints SET step_due_ms = COALESCE(fill_due_ms, created_ms) WHERE status IN ('pending', 'queued', 'filled');
        CREATE INDEX mints_step_due ON mints(step_due_ms) WHERE step_due_ms IS NOT NULL;
        """,
        // The latest settled mint into a holding (the currency a position was minted in), without a scan of the tenant's mints.
        """
        CREATE INDEX mints_holding ON mints(tenant_id, asset, lower(wallet), seq) WHERE status = 'settled';
        """,
    ];
}
