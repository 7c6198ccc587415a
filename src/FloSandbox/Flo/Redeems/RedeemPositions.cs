using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Market;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Redeems;

/// What `position_id` names: a mint of the tenant (the holding that mint delivered to: its asset, chain
/// and wallet) or a position id as `GET /v1/positions` lists it (`pos_<TICKER>_<wallet>`). A redeem burns
/// from one chain: for a position held on several chains, the chain holding the most. The currency it was
/// minted in is that mint's, or for a position id the latest settled mint's into that wallet (USDC when tokens
/// reached the wallet otherwise, by a bridge).
public static class RedeemPositions
{
    public sealed record Resolved(TokenInfo Token, string Chain, string Wallet, decimal Held, Currency MintedCurrency);

    public static async Task<Resolved> ResolveAsync(LedgerSession ledger, TokenCatalog catalog, IHoldingOrigins origins, string tenantId, string positionId)
    {
        if (positionId.StartsWith("mnt_", StringComparison.Ordinal))
        {
            var mint = await origins.FindAsync(ledger, tenantId, positionId) ?? throw NotFound(positionId, null);
            if (!mint.Delivered)
            {
                throw NotFound(positionId, $"Mint '{positionId}' is {mint.Status}: it delivered no tokens to redeem.");
            }
            var token = Token(catalog, mint.Ticker, positionId);
            var onChain = (await PositionStore.HoldingsAsync(ledger, tenantId, token.Ticker, mint.Wallet.ToLowerInvariant()))
                .FirstOrDefault(h => h.Chain == mint.Chain);
            return new Resolved(token, mint.Chain, EvmAddress.Parse(mint.Wallet).ToString(), Money.FromMicros(onChain?.QuantityMicros ?? 0),
                Enum.Parse<Currency>(mint.Currency));
        }
        if (TryParsePositionId(positionId, out var ticker, out var wallet) && catalog.TryGet(ticker, out var info) && info.Ticker == ticker)
        {
            var holdings = await PositionStore.HoldingsAsync(ledger, tenantId, info.Ticker, wallet);
            if (holdings.Count > 0)
            {
                var largest = holdings[0];
                var minted = await origins.LatestCurrencyAsync(ledger, tenantId, info.Ticker, wallet);
                return new Resolved(info, largest.Chain, EvmAddress.Parse(wallet).ToString(), Money.FromMicros(largest.QuantityMicros),
                    minted is null ? Currency.USDC : Enum.Parse<Currency>(minted));
            }
        }
        throw NotFound(positionId, null);
    }

    private static bool TryParsePositionId(string id, out string ticker, out string wallet)
    {
        (ticker, wallet) = ("", "");
        var split = id.LastIndexOf('_');
        if (!id.StartsWith("pos_", StringComparison.Ordinal) || split <= 4)
        {
            return false;
        }
        (ticker, wallet) = (id[4..split], id[(split + 1)..]);
        return wallet.Length == 42 && EvmAddress.TryParse(wallet, out _) && wallet == wallet.ToLowerInvariant();
    }

    private static TokenInfo Token(TokenCatalog catalog, string ticker, string positionId) =>
        catalog.TryGet(ticker, out var token) ? token : throw NotFound(positionId, $"Position '{positionId}' is of {ticker}, which is no longer in the universe.");

    private static FloException NotFound(string positionId, string? detail) =>
        FloError.Of(FloErrorCatalog.PositionNotFound, detail ?? $"Position '{positionId}' does not resolve on this account: send a mint id (mnt_…) or a position id (pos_…) of this account.",
            ("position_id", positionId)).ToException();
}
