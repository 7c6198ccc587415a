using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Holdings;

namespace FloSandbox.Flo.Mints;

/// Mints are the orders that deliver holdings: a mint id names the holding it settled into, and the currency it was
/// paid in.
public sealed class MintHoldingOrigins : IHoldingOrigins
{
    public Task<HoldingOrigin?> FindAsync(LedgerSession ledger, string tenantId, string orderId) => MintStore.OriginAsync(ledger, tenantId, orderId);

    public Task<string?> LatestCurrencyAsync(LedgerSession ledger, string tenantId, string ticker, string wallet) =>
        MintStore.LatestSettledCurrencyAsync(ledger, tenantId, ticker, wallet);
}
