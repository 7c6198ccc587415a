namespace FloSandbox.Core.Ledger.Holdings;

internal sealed class PositionsSchema : ILedgerSchema
{
    public string Name => "positions";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE positions (
            tenant_id TEXT NOT NULL,
            ticker TEXT NOT NULL,
            wallet TEXT NOT NULL,
            chain TEXT NOT NULL,
            quantity_micros INTEGER NOT NULL CHECK (quantity_micros >= 0),
            PRIMARY KEY (tenant_id, ticker, wallet, chain)
        );
        """,
    ];
}
