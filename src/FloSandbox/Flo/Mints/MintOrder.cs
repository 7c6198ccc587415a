using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Market;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Mints;

/// A mint request that passed validation: every field checked, normalised and typed.
public sealed record MintOrder(TokenInfo Token, decimal Quantity, Currency Currency, string Chain, string Wallet,
    int? DeveloperFeeBps, string? DeveloperFeeDestination)
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxDeveloperFeeBps = 1_000;

    public static MintOrder From(MintRequest request, TokenCatalog catalog, TenantContext caller)
    {
        var token = catalog.Require(request.Asset);
        var quantity = request.Quantity;
        if (quantity <= 0 || quantity > MaxQuantity)
        {
            throw FloException.Invalid("quantity", $"quantity must be greater than 0 and at most {MaxQuantity:0}; got {quantity}.");
        }
        if (Money.SignificantDecimalPlaces(quantity) > 6)
        {
            throw FloException.Invalid("quantity", $"quantity supports at most 6 decimal places (10⁻⁶ shares); got {quantity}.");
        }
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

        int? feeBps = null;
        string? feeDestination = null;
        if (request.DeveloperFee is { } fee)
        {
            if (fee.AmountBps is < 0 or > MaxDeveloperFeeBps)
            {
                throw FloException.Invalid("developer_fee.amount_bps", $"developer_fee.amount_bps must be an integer from 0 to {MaxDeveloperFeeBps}; got {fee.AmountBps}.");
            }
            feeBps = fee.AmountBps;
            feeDestination = EvmAddresses.Require(fee.Destination, "developer_fee.destination");
        }
        return new MintOrder(token, quantity, currency, chain, wallet, feeBps, feeDestination);
    }
}
