using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Idempotency;

internal sealed class IdempotencySchema : ILedgerSchema
{
    public string Name => "idempotency";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE idempotency_keys (
            tenant_id TEXT NOT NULL,
            idem_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            request_id TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            content_type TEXT,
            location TEXT,
            body BLOB NOT NULL,
            created_at TEXT NOT NULL,
            expires_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, idem_key)
        );
        """,
        // A claim: the order a request accepted, committed with it before any response exists (status_code 0).
        "ALTER TABLE idempotency_keys ADD COLUMN resource TEXT;",
    ];
}
