using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Market.Overrides;

internal sealed class PriceOverridesSchema : ILedgerSchema
{
    public string Name => "price_overrides";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE price_overrides (
            tenant_id TEXT NOT NULL,
            ticker TEXT NOT NULL,
            pinned_price TEXT,
            shock_pct TEXT,
            set_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, ticker)
        );
        """,
    ];
}
