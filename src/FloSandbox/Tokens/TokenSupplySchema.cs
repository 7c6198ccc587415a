using FloSandbox.Ledger;

namespace FloSandbox.Tokens;

internal sealed class TokenSupplySchema : ILedgerSchema
{
    public string Name => "token_supply";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE token_supply (
            tenant_id TEXT NOT NULL,
            ticker TEXT NOT NULL,
            chain TEXT NOT NULL,
            quantity_micros INTEGER NOT NULL CHECK (quantity_micros >= 0),
            PRIMARY KEY (tenant_id, ticker, chain)
        );
        """,
    ];
}
