namespace FloSandbox.Core.Ledger.Fees;

internal sealed class DeveloperFeesSchema : ILedgerSchema
{
    public string Name => "developer_fees";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE developer_fee_accruals (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            source_id TEXT NOT NULL,
            destination TEXT NOT NULL,
            amount_bps INTEGER NOT NULL,
            amount_micros INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('accrued', 'pending', 'settled')),
            accrued_at TEXT NOT NULL
        );
        CREATE INDEX developer_fee_accruals_tenant ON developer_fee_accruals(tenant_id, destination);
        """,
    ];
}
