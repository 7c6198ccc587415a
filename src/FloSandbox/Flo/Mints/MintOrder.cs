using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Market;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Orders;

namespace FloSandbox.Flo.Mints;

/// A mint request that passed validation: every field checked, normalised and typed.
public sealed record MintOrder(TokenInfo Token, decimal Quantity, Currency Currency, string Chain, string Wallet,
    int? DeveloperFeeBps, string? DeveloperFeeDestination)
{

    public static MintOrder From(MintRequest request, TokenCatalog catalog, TenantContext caller)
    {
        var token = catalog.Require(request.Asset);
        var quantity = OrderFields.Quantity(request.Quantity);
        if (!token.Fractional && quantity != decimal.Truncate(quantity))
        {
            throw FloException.Invalid("quantity", $"{token.Ticker} is non-fractional: quantity must be a whole number; got {quantity}.");
        }
        if (!Currencies.TryParse(request.Settlement.Currency, out var currency))
        {
            throw FloException.Invalid("settlement.currency", $"settlement.currency must be \"USDC\" or \"USDT\"; got \"{request.Settlement.Currency}\".");
        }
        var chain = SettlementChains.RequireLive(request.Settlement.Chain, "settlement.chain");
        var wallet = request.Settlement.Wallet is null ? caller.Tenant.SettlementAddress : EvmAddresses.Require(request.Settlement.Wallet, "settlement.wallet");

        var (feeBps, feeDestination) = OrderFields.DeveloperFee(request.DeveloperFee?.AmountBps, request.DeveloperFee?.Destination);
        return new MintOrder(token, quantity, currency, chain, wallet, feeBps, feeDestination);
    }
}
