using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Orders;

/// The fields mints and redeems share, checked the same way for both.
public static class OrderFields
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxDeveloperFeeBps = 1_000;

    /// A quantity of shares: above zero, at most <see cref="MaxQuantity"/>, at most 6 decimal places.
    public static decimal Quantity(decimal quantity)
    {
        if (quantity <= 0 || quantity > MaxQuantity)
        {
            throw FloException.Invalid("quantity", $"quantity must be greater than 0 and at most {MaxQuantity:0}; got {quantity}.");
        }
        if (Money.SignificantDecimalPlaces(quantity) > 6)
        {
            throw FloException.Invalid("quantity", $"quantity supports at most 6 decimal places (10⁻⁶ shares); got {quantity}.");
        }
        return quantity;
    }

    /// The optional `developer_fee` (absent when <paramref name="amountBps"/> is null): 0 to
    /// <see cref="MaxDeveloperFeeBps"/> bps, to a valid address.
    public static (int? Bps, string? Destination) DeveloperFee(int? amountBps, string? destination)
    {
        if (amountBps is not { } bps)
        {
            return (null, null);
        }
        if (bps is < 0 or > MaxDeveloperFeeBps)
        {
            throw FloException.Invalid("developer_fee.amount_bps", $"developer_fee.amount_bps must be an integer from 0 to {MaxDeveloperFeeBps}; got {bps}.");
        }
        return (bps, Chains.EvmAddresses.Require(destination!, "developer_fee.destination"));
    }
}
