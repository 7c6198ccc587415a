using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Webhooks;

/// Subscriptions, deliveries (one per event and subscription) and the log of every attempt. A delivery's
/// `next_attempt_ms` is its schedule (tenant clock); `due_ms` repeats it while the attempt is unclaimed and is
/// NULL while claimed (`lease_until_ms`, real time), so the due index only ever holds what is waiting.
internal sealed class WebhooksSchema : ILedgerSchema
{
    public string Name => "webhooks";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE webhook_subscriptions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            secret TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions(tenant_id, seq);

        CREATE TABLE webhook_deliveries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            event_created_ms INTEGER NOT NULL,
            payload TEXT NOT NULL,
            test INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'abandoned')),
            attempt_count INTEGER NOT NULL DEFAULT 0,
            scheduled_attempts INTEGER NOT NULL DEFAULT 0,
            last_attempt_ms INTEGER,
            next_attempt_ms INTEGER,
            next_kind TEXT CHECK (next_kind IN ('scheduled', 'replay')),
            due_ms INTEGER,
            lease_until_ms INTEGER,
            UNIQUE (webhook_id, event_id)
        );
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(due_ms) WHERE due_ms IS NOT NULL;
        CREATE INDEX webhook_deliveries_lease ON webhook_deliveries(lease_until_ms) WHERE lease_until_ms IS NOT NULL;
        CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries(webhook_id, seq);
        CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries(tenant_id);

        CREATE TABLE webhook_attempts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            kind TEXT NOT NULL,
            url TEXT NOT NULL,
            attempted_ms INTEGER NOT NULL,
            request_headers TEXT NOT NULL,
            response_status INTEGER,
            response_body TEXT,
            latency_ms INTEGER NOT NULL,
            error TEXT,
            succeeded INTEGER NOT NULL
        );
        CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, seq);
        CREATE INDEX webhook_attempts_tenant ON webhook_attempts(tenant_id);
        """,
    ];
}
