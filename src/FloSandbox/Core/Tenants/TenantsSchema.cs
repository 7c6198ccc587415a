using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Tenants;

internal sealed class TenantsSchema : ILedgerSchema
{
    public string Name => "tenants";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE tenants (
            id TEXT PRIMARY KEY,
            settlement_address TEXT NOT NULL,
            clock_offset_ms INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE api_keys (
            key_hash TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            scope TEXT NOT NULL CHECK (scope IN ('full', 'read')),
            key_hint TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX api_keys_tenant ON api_keys(tenant_id);
        """,
    ];
}
