namespace FloSandbox.Core.Ledger.Balances;

internal sealed class BalancesSchema : ILedgerSchema
{
    public string Name => "balances";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE balances (
            tenant_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            amount_micros INTEGER NOT NULL CHECK (amount_micros >= 0),
            PRIMARY KEY (tenant_id, currency)
        );
        """,
    ];
}
