using FloSandbox.Core.Ledger;
using FloSandbox.Core.Market;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Bridges;

/// A bridge request that passed validation: every field checked, normalised and typed.
public sealed record BridgeOrder(TokenInfo Token, decimal Quantity, string FromChain, string ToChain, string SourceWallet, string Destination)
{
    public const decimal MaxQuantity = 1_000_000_000m;

    public static BridgeOrder From(BridgeRequest request, TokenCatalog catalog, TenantContext caller)
    {
        var token = catalog.Require(request.Token);
        var quantity = request.Quantity;
        if (quantity <= 0 || quantity > MaxQuantity)
        {
            throw FloException.Invalid("quantity", $"quantity must be greater than 0 and at most {MaxQuantity:0}; got {quantity}.");
        }
        if (Money.SignificantDecimalPlaces(quantity) > 6)
        {
            throw FloException.Invalid("quantity", $"quantity supports at most 6 decimal places; got {quantity}.");
        }
        if (!token.Fractional && quantity != decimal.Truncate(quantity))
        {
            throw FloException.Invalid("quantity", $"{token.Ticker} is non-fractional: quantity must be a whole number; got {quantity}.");
        }
        BridgeRoutes.Require(request.FromChain, request.ToChain);
        var source = request.SourceWallet is null ? caller.Tenant.SettlementAddress : EvmAddresses.Require(request.SourceWallet, "source_wallet");
        var destination = request.Destination is null ? source : EvmAddresses.Require(request.Destination, "destination");
        return new BridgeOrder(token, quantity, request.FromChain, request.ToChain, source, destination);
    }
}
