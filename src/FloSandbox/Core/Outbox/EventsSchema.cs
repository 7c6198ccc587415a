using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Outbox;

internal sealed class EventsSchema : ILedgerSchema
{
    public string Name => "events";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            type TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            data TEXT NOT NULL,
            fanned_out INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_pending ON events(fanned_out, seq);
        CREATE INDEX events_tenant ON events(tenant_id, seq);
        """,
    ];
}
