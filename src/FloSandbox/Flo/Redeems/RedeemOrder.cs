using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Orders;

namespace FloSandbox.Flo.Redeems;

/// A redeem request whose fields passed validation (the position itself is resolved in the ledger).
public sealed record RedeemOrder(string PositionId, decimal Quantity, Currency Currency, string PayoutChain, string PayoutWallet,
    int? DeveloperFeeBps, string? DeveloperFeeDestination)
{
    public const int MaxPositionIdLength = 200;

    public static RedeemOrder From(RedeemRequest request, TenantContext caller)
    {
        if (string.IsNullOrWhiteSpace(request.PositionId) || request.PositionId.Length > MaxPositionIdLength)
        {
            throw FloException.Invalid("position_id", $"position_id must be a mint id (mnt_…) or a position id (pos_…) of at most {MaxPositionIdLength} characters.");
        }
        var quantity = OrderFields.Quantity(request.Quantity);
        if (!Currencies.TryParse(request.Payout.Currency, out var currency))
        {
            throw FloException.Invalid("payout.currency", $"payout.currency must be \"USDC\" or \"USDT\"; got \"{request.Payout.Currency}\".");
        }
        var chain = SettlementChains.RequireLive(request.Payout.Chain, "payout.chain");
        var wallet = request.Payout.Wallet is null ? caller.Tenant.SettlementAddress : EvmAddresses.Require(request.Payout.Wallet, "payout.wallet");

        var (feeBps, feeDestination) = OrderFields.DeveloperFee(request.DeveloperFee?.AmountBps, request.DeveloperFee?.Destination);
        return new RedeemOrder(request.PositionId, quantity, currency, chain, wallet, feeBps, feeDestination);
    }
}
