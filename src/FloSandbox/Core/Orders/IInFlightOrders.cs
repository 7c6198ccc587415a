using FloSandbox.Core.Ledger.Balances;

namespace FloSandbox.Core.Orders;

/// Orders whose ledger side is ahead of their chain side: the debit is booked and the payment not yet
/// burned, a refund booked and not yet paid. Reconciliation expects the chain to differ by exactly these
/// amounts, which the orders' own pending steps then move (each once, by effect id).
public interface IInFlightOrders
{
    /// Per tenant and currency, what its settlement address still holds on chain beyond its ledger balance
    /// (negative: what it is still to receive).
    Task<IReadOnlyList<PendingStablecoin>> PendingStablecoinsAsync(CancellationToken ct);

    /// Per holding (ticker, chain, lower-case wallet), what the chain holds beyond the ledger's positions
    /// because an order's step has moved one side and not yet the other (negative: what the chain lacks).
    Task<IReadOnlyList<PendingToken>> PendingTokensAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<PendingToken>>([]);
}

public sealed record PendingStablecoin(string TenantId, Currency Currency, decimal Amount);

/// <see cref="Wallet"/> lower-case, as holdings store it.
public sealed record PendingToken(string Ticker, string Chain, string Wallet, decimal Quantity);
