using Dapper;

namespace FloSandbox.Core.Ledger;

/// This ledger's own 32 random bytes, drawn when the ledger is created and kept for its life. On-chain
/// effects carry it beside the order's sequence number, so two ledgers (a deleted and recreated data
/// directory over kept chain state, two sandboxes on one external node) never claim each other's effects.
public sealed class LedgerIdentity(LedgerDatabase db)
{
    private byte[]? _domain;

    public async Task<byte[]> DomainAsync(CancellationToken ct = default) =>
        _domain ??= await db.ReadAsync(LedgerIdentityStore.DomainAsync, ct);
}

internal static class LedgerIdentityStore
{
    public static Task<byte[]> DomainAsync(LedgerSession ledger) =>
        ledger.Connection.QuerySingleAsync<byte[]>("SELECT domain FROM ledger_identity", transaction: ledger.Transaction);
}

internal sealed class LedgerIdentitySchema : ILedgerSchema
{
    public string Name => "ledger_identity";

    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE ledger_identity (domain BLOB NOT NULL CHECK (length(domain) = 32));
        INSERT INTO ledger_identity (domain) VALUES (randomblob(32));
        """,
    ];
}
