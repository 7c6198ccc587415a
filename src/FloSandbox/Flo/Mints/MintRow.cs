using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Mints;

/// One row of `mints`: the mint's order, price, fees and lifecycle. Money in micro-units.
public sealed class MintRow : FloSandbox.Core.Orders.IDurableOrder
{
    /// The ledger's sequence number of the mint (never reused, even after a reset); 0 until inserted.
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Status { get; set; } = "";
    public string Asset { get; set; } = "";
    public string AssetName { get; set; } = "";
    public long QuantityMicros { get; set; }
    public string Price { get; set; } = "";
    public long NotionalMicros { get; set; }
    public long FloFeeBps { get; set; }
    public long FloFeeMicros { get; set; }
    public long OnrampMicros { get; set; }
    public long BrokerMicros { get; set; }
    public long SpreadMicros { get; set; }
    public long? DeveloperFeeBps { get; set; }
    public string? DeveloperFeeDestination { get; set; }
    public long DeveloperFeeMicros { get; set; }
    public long TotalMicros { get; set; }
    public long DeployGasUsed { get; set; }
    public long DeployChargeMicros { get; set; }
    public string Currency { get; set; } = "";
    public string Chain { get; set; } = "";
    public string Wallet { get; set; } = "";
    public string Payer { get; set; } = "";
    public string ContractAddress { get; set; } = "";
    public bool AutoDeployed { get; set; }
    public string? TxHash { get; set; }
    public string? PaymentTxHash { get; set; }
    public string? FailAt { get; set; }
    public string? FailureReason { get; set; }
    public long CreatedMs { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? QueuedAt { get; set; }
    public string? FilledAt { get; set; }
    public string? SettledAt { get; set; }
    public string? FailedAt { get; set; }
    public long? FillDueMs { get; set; }

    /// When (tenant-clock milliseconds) the next step of this mint is due: its payment, fill, settlement,
    /// refund or deployment charge; null when nothing is left to do.
    public long? StepDueMs { get; set; }
    public string? RefundTxHash { get; set; }
    public string? DeployChargeTxHash { get; set; }

    public MintStatus State => MintLifecycle.Parse(Status);

    /// Moves the mint along its lifecycle; a move the table does not allow is a bug and throws.
    public void MoveTo(MintStatus to) => Status = MintLifecycle.Table.Move(State, to).Wire();

    /// The payment is its own on-chain effect (collected from the home chain before the mint) for a queued
    /// mint, which pays at acceptance, and for a mint on another chain than the home chain; otherwise the
    /// mint's own transaction burns it.
    public bool PaysSeparately(string homeChain) => QueuedAt is not null || Chain != homeChain;

    public decimal Quantity => Money.FromMicros(QuantityMicros);
    public decimal Total => Money.FromMicros(TotalMicros);

    public MintView ToView() => new(
        Id, Status, Asset, Money.Quantity(Quantity), Usd(NotionalMicros),
        new FeeView((int)FloFeeBps, Usd(FloFeeMicros)),
        new CostView(Usd(OnrampMicros), Usd(BrokerMicros), Usd(SpreadMicros), Usd(DeployChargeMicros)),
        new MintContractView(ContractAddress, AutoDeployed, DeployGasUsed),
        new MintSettlementView(Currency, Chain, Wallet, TxHash),
        SettledAt, TxHash, Price, Usd(TotalMicros + DeployChargeMicros),
        DeveloperFeeBps is { } bps ? new DeveloperFeeView((int)bps, DeveloperFeeDestination!, Usd(DeveloperFeeMicros)) : null,
        FailureReason, CreatedAt, QueuedAt, FilledAt, FailedAt);

    /// The mint as it stood when filled: the broker acknowledged, the on-chain settlement still pending.
    public MintView ToFilledView()
    {
        var view = ToView();
        return view with { Status = "filled", SettledAt = null, TxHash = null, Settlement = view.Settlement with { TxHash = null } };
    }

    private static string Usd(long micros) => Money.Usd(Money.FromMicros(micros));
}
