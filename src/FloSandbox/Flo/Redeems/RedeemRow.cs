using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Redeems;

/// One row of `redeems`: the order, its fill and its lifecycle. Money and quantities in micro-units.
public sealed class RedeemRow : FloSandbox.Core.Orders.IDurableOrder
{
    /// The ledger's sequence number of the redeem (never reused); 0 until inserted.
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Status { get; set; } = "";
    public string PositionId { get; set; } = "";
    public string Asset { get; set; } = "";
    public string AssetName { get; set; } = "";
    public long QuantityMicros { get; set; }
    public string Chain { get; set; } = "";
    public string ContractAddress { get; set; } = "";

    /// The holder the tokens are burned from (and restored to), checksummed.
    public string Wallet { get; set; } = "";
    public string PayoutCurrency { get; set; } = "";
    public string PayoutChain { get; set; } = "";
    public string PayoutWallet { get; set; } = "";

    /// The tenant (this one, or another) whose settlement address on the home chain receives the payout:
    /// the ledger keeps that tenant's balance there, so the settlement credits it too. Null for other wallets.
    public string? PayeeTenantId { get; set; }
    public long? DeveloperFeeBps { get; set; }
    public string? DeveloperFeeDestination { get; set; }
    public string? Price { get; set; }
    public long NotionalMicros { get; set; }
    public long FloFeeBps { get; set; }
    public long FloFeeMicros { get; set; }
    public long OfframpMicros { get; set; }
    public long BrokerMicros { get; set; }
    public long SpreadMicros { get; set; }
    public long DeveloperFeeMicros { get; set; }
    public long ProceedsMicros { get; set; }
    public string? BurnTxHash { get; set; }
    public string? PayoutTxHash { get; set; }
    public string? RestoreTxHash { get; set; }
    public string? FailAt { get; set; }
    public string? FailureReason { get; set; }
    public long CreatedMs { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? QueuedAt { get; set; }
    public string? FilledAt { get; set; }
    public string? SettledAt { get; set; }
    public string? FailedAt { get; set; }

    /// When (tenant-clock milliseconds) the broker offsets the underlying: at once inside the session,
    /// at the next session open outside it.
    public long FillDueMs { get; set; }

    /// When the next step is due (burn, fill, payout, or a failed redeem's restore); null when nothing is left.
    public long? StepDueMs { get; set; }

    /// The block `redeem_max_per_block` counted this redeem in, and the notional it counted there.
    public long GuardrailBlockMs { get; set; }
    public long GuardrailMicros { get; set; }

    /// The currency the redeemed holding was minted in, when the payout is in the other one (a swap); else null.
    public string? SwapFrom { get; set; }

    /// The redeem's place at its payout pool: null before the payout, `waiting` while the pool cannot cover it,
    /// `drawn` once its proceeds are taken from the pool. Written only by the pool's own statements.
    public string? PoolDraw { get; set; }

    public RedeemStatus State => RedeemLifecycle.Parse(Status);

    /// Moves the redeem along its lifecycle; a move the table does not allow is a bug and throws.
    public void MoveTo(RedeemStatus to) => Status = RedeemLifecycle.Table.Move(State, to).Wire();

    public decimal Quantity => Money.FromMicros(QuantityMicros);
    public decimal Proceeds => Money.FromMicros(ProceedsMicros);

    public void ApplyPricing(RedeemPricing pricing)
    {
        Price = Money.Usd(pricing.Price);
        NotionalMicros = Money.ToMicros(pricing.Notional);
        FloFeeBps = pricing.FloFeeBps;
        FloFeeMicros = Money.ToMicros(pricing.FloFee);
        OfframpMicros = Money.ToMicros(pricing.Offramp);
        BrokerMicros = Money.ToMicros(pricing.Broker);
        SpreadMicros = Money.ToMicros(pricing.Spread);
        DeveloperFeeMicros = Money.ToMicros(pricing.DeveloperFee);
        ProceedsMicros = Money.ToMicros(pricing.Proceeds);
    }

    public RedeemView ToView()
    {
        var priced = Price is not null;
        return new RedeemView(
            Id, Status, PositionId, Asset, Money.Quantity(Quantity), Price,
            priced ? Usd(NotionalMicros) : null,
            priced ? new RedeemFeeView((int)FloFeeBps, Usd(FloFeeMicros)) : null,
            priced ? new RedeemCostView(Usd(OfframpMicros), Usd(BrokerMicros), Usd(SpreadMicros)) : null,
            DeveloperFeeBps is { } bps ? new RedeemDeveloperFeeView((int)bps, DeveloperFeeDestination!, Usd(DeveloperFeeMicros)) : null,
            priced ? Usd(ProceedsMicros) : null,
            new RedeemSourceView(Chain, ContractAddress, Wallet, BurnTxHash),
            new RedeemPayoutView(PayoutCurrency, PayoutChain, PayoutWallet, priced ? Usd(ProceedsMicros) : null, PayoutTxHash,
                SwapFrom is null ? null : new RedeemSwapView(SwapFrom, PayoutCurrency, RedeemSwapView.ParRate)),
            SettledAt, FailureReason, CreatedAt, QueuedAt, FilledAt, FailedAt);
    }

    private static string Usd(long micros) => Money.Usd(Money.FromMicros(micros));
}
