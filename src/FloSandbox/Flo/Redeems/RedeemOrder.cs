using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Redeems;

/// A redeem request whose fields passed validation (the position itself is resolved in the ledger).
public sealed record RedeemOrder(string PositionId, decimal Quantity, Currency Currency, string PayoutChain, string PayoutWallet,
    int? DeveloperFeeBps, string? DeveloperFeeDestination)
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxDeveloperFeeBps = 1_000;
    public const int MaxPositionIdLength = 200;

    public static RedeemOrder From(RedeemRequest request, TenantContext caller)
    {
        if (string.IsNullOrWhiteSpace(request.PositionId) || request.PositionId.Length > MaxPositionIdLength)
        {
            throw FloException.Invalid("position_id", $"position_id must be a mint id (mnt_…) or a position id (pos_…) of at most {MaxPositionIdLength} characters.");
        }
        var quantity = request.Quantity;
        if (quantity <= 0 || quantity > MaxQuantity)
        {
            throw FloException.Invalid("quantity", $"quantity must be greater than 0 and at most {MaxQuantity:0}; got {quantity}.");
        }
        if (Money.SignificantDecimalPlaces(quantity) > 6)
        {
            throw FloException.Invalid("quantity", $"quantity supports at most 6 decimal places (10⁻⁶ shares); got {quantity}.");
        }
        if (!Currencies.TryParse(request.Payout.Currency, out var currency))
        {
            throw FloException.Invalid("payout.currency", $"payout.currency must be \"USDC\" or \"USDT\"; got \"{request.Payout.Currency}\".");
        }
        var chain = SettlementChains.RequireLive(request.Payout.Chain, "payout.chain");
        var wallet = request.Payout.Wallet is null ? caller.Tenant.SettlementAddress : EvmAddresses.Require(request.Payout.Wallet, "payout.wallet");

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
        return new RedeemOrder(request.PositionId, quantity, currency, chain, wallet, feeBps, feeDestination);
    }
}
