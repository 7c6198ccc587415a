namespace FloSandbox.Flo.Mints;

public sealed record MintSettlementRequest(string Currency, string Chain, string? Wallet = null);

public sealed record DeveloperFeeRequest(int AmountBps, string Destination);

/// `POST /v1/mint`. `idempotency_key` may also be sent in the body; the platform takes it from there.
public sealed record MintRequest(string Asset, decimal Quantity, MintSettlementRequest Settlement, DeveloperFeeRequest? DeveloperFee = null);

public sealed record FeeView(int Bps, string Amount);

public sealed record CostView(string Onramp, string Broker, string Spread, string DeployGas);

public sealed record MintContractView(string Address, bool AutoDeployed, long DeployGasUsed);

public sealed record MintSettlementView(string Currency, string Chain, string Wallet, string? TxHash);

public sealed record DeveloperFeeView(int AmountBps, string Destination, string Amount);

/// The mint resource, field for field as the docs show it, plus `tx_hash` (the quickstart prints it),
/// the unit price, the total debited, the developer fee and the lifecycle timestamps.
public sealed record MintView(
    string Id,
    string Status,
    string Asset,
    string Quantity,
    string NotionalUsdc,
    FeeView FloFee,
    CostView Cost,
    MintContractView Contract,
    MintSettlementView Settlement,
    string? SettledAt,
    string? TxHash,
    string Price,
    string TotalUsdc,
    DeveloperFeeView? DeveloperFee,
    string? FailureReason,
    string CreatedAt,
    string? QueuedAt,
    string? FilledAt,
    string? FailedAt)
{
    public string Object => "mint";
}
