using Dapper;
using FloSandbox.Core.Orders;
using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Core.Ledger;

/// This ledger's own 32 random bytes, drawn when the ledger is created and kept for its life. On-chain
/// effects carry it beside the order's sequence number, so two ledgers (a deleted and recreated data
/// directory over kept chain state, two sandboxes on one external node) never claim each other's effects.
/// Each kind of order numbers its orders on its own, so each kind takes its own domain:
/// <c>keccak256(identity ‖ kind)</c>; mints, the first kind, use the identity itself.
public sealed class LedgerIdentity(LedgerDatabase db)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _scoped = new(StringComparer.Ordinal);
    private byte[]? _domain;

    /// The ledger's own 32 bytes (the domain of mints' effects).
    public async Task<byte[]> DomainAsync(CancellationToken ct = default) =>
        _domain ??= await db.ReadAsync(LedgerIdentityStore.DomainAsync, ct);

    /// The domain of the effects of one kind of order (its orders' sequence numbers are its own).
    public async Task<byte[]> DomainAsync(string kind, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (_scoped.TryGetValue(kind, out var domain))
        {
            return domain;
        }
        var identity = await DomainAsync(ct);
        return _scoped.GetOrAdd(kind, k => Nethereum.Util.Sha3Keccack.Current.CalculateHash([.. identity, .. System.Text.Encoding.UTF8.GetBytes(k)]));
    }

    /// The effect id of one step of <paramref name="order"/>: (its kind's domain, its sequence × 8 + the step);
    /// <paramref name="kind"/> null for mints, whose domain is the identity itself.
    public async Task<EffectId> EffectIdAsync(string? kind, IDurableOrder order, EffectStep step, CancellationToken ct = default) =>
        order.Seq > 0
            ? EffectId.For(kind is null ? await DomainAsync(ct) : await DomainAsync(kind, ct), order.Seq, step)
            : throw new InvalidOperationException($"Order {order.Id} was read without its sequence number.");
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
