using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Bridges;

internal sealed class BridgesSchema : ILedgerSchema
{
    public string Name => "bridges";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE bridges (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'reverted')),
            token TEXT NOT NULL,
            token_name TEXT NOT NULL,
            quantity_micros INTEGER NOT NULL CHECK (quantity_micros > 0),
            notional_micros INTEGER NOT NULL,
            from_chain TEXT NOT NULL,
            to_chain TEXT NOT NULL,
            source_wallet TEXT NOT NULL,
            destination TEXT NOT NULL,
            dvn_plan TEXT NOT NULL,
            burn_tx_hash TEXT,
            burn_gas_used INTEGER,
            delivery_tx_hash TEXT,
            delivery_gas_used INTEGER,
            unwind_tx_hash TEXT,
            unwind_gas_used INTEGER,
            failure_reason TEXT,
            created_ms INTEGER NOT NULL,
            deadline_ms INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            delivered_at TEXT,
            reverted_at TEXT,
            step_due_ms INTEGER
        );
        CREATE INDEX bridges_tenant ON bridges(tenant_id, seq);
        CREATE INDEX bridges_route_window ON bridges(tenant_id, from_chain, to_chain, created_ms);
        CREATE INDEX bridges_step_due ON bridges(step_due_ms) WHERE step_due_ms IS NOT NULL;
        CREATE TABLE bridge_dvn_settings (
            tenant_id TEXT NOT NULL,
            dvn TEXT NOT NULL,
            withheld INTEGER NOT NULL,
            delay_seconds INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, dvn)
        );
        """,
        """
        ALTER TABLE bridges ADD COLUMN fail_deliveries INTEGER;
        ALTER TABLE bridges ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE bridges ADD COLUMN last_delivery_error TEXT;
        """,
    ];
}
