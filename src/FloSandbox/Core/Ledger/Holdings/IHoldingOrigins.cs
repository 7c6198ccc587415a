namespace FloSandbox.Core.Ledger.Holdings;

/// Where an order delivered tokens, as the feature whose orders deliver them (mints) knows it, for the features
/// that take holdings back by that order's id (redeems): neither knows the other, both know this.
public interface IHoldingOrigins
{
    /// The order of the tenant with this id and the holding it delivers to; null when the tenant has no such order.
    Task<HoldingOrigin?> FindAsync(LedgerSession ledger, string tenantId, string orderId);

    /// The currency of the tenant's latest delivered order of <paramref name="ticker"/> to <paramref name="wallet"/>
    /// (lower-case), on any chain; null when none delivered there.
    Task<string?> LatestCurrencyAsync(LedgerSession ledger, string tenantId, string ticker, string wallet);
}

/// <param name="Delivered">Whether the order has delivered its tokens (a mint that settled).</param>
/// <param name="Status">The order's status, for messages.</param>
/// <param name="Currency">What the tokens were paid in.</param>
public sealed record HoldingOrigin(string Ticker, string Chain, string Wallet, bool Delivered, string Status, string Currency);
