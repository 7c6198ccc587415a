namespace FloSandbox.Flo.Redeems;

public sealed record RedeemPayoutRequest(string Currency, string Chain, string? Wallet = null);

public sealed record RedeemDeveloperFeeRequest(int AmountBps, string Destination);

/// `POST /v1/redeem`. `idempotency_key` may also be sent in the body; the platform takes it from there.
public sealed record RedeemRequest(string PositionId, decimal Quantity, RedeemPayoutRequest Payout, RedeemDeveloperFeeRequest? DeveloperFee = null);

public sealed record RedeemFeeView(int Bps, string Amount);

public sealed record RedeemCostView(string Offramp, string Broker, string Spread);

public sealed record RedeemDeveloperFeeView(int AmountBps, string Destination, string Amount);

/// Where the tokens were burned: the token's chain, its contract, the holder and the burn transaction.
public sealed record RedeemSourceView(string Chain, string Contract, string Wallet, string? BurnTxHash);

/// Where the proceeds go, how much, the payout transaction once it landed, and the stable↔stable swap when the
/// payout currency is not the one the holding was minted in (null when it is).
public sealed record RedeemPayoutView(string Currency, string Chain, string Wallet, string? Amount, string? TxHash, RedeemSwapView? Swap);

/// The sandbox swaps at par, without a fee: the proceeds are paid in `to` one for one.
public sealed record RedeemSwapView(string From, string To, string Rate)
{
    public const string ParRate = "1.0000";
}

/// The redeem resource: the mint resource's vocabulary for a trade the other way. The price, notional,
/// fees and proceeds are known from the fill on (null while queued).
public sealed record RedeemView(
    string Id,
    string Status,
    string PositionId,
    string Asset,
    string Quantity,
    string? Price,
    string? NotionalUsdc,
    RedeemFeeView? FloFee,
    RedeemCostView? Cost,
    RedeemDeveloperFeeView? DeveloperFee,
    string? ProceedsUsdc,
    RedeemSourceView Source,
    RedeemPayoutView Payout,
    string? SettledAt,
    string? FailureReason,
    string CreatedAt,
    string? QueuedAt,
    string? FilledAt,
    string? FailedAt)
{
    public string Object => "redeem";
}
