using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Flo.Bridges;

/// One row of `bridges`: the order, its DVN plan and its lifecycle. Quantities in micro-units.
public sealed class BridgeRow : FloSandbox.Core.Orders.IDurableOrder
{
    /// The ledger's sequence number of the bridge, which its on-chain effects carry; 0 until inserted.
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Status { get; set; } = "";
    public string Token { get; set; } = "";
    public string TokenName { get; set; } = "";
    public long QuantityMicros { get; set; }

    /// Price × quantity at acceptance, in USD: what the guardrails count.
    public long NotionalMicros { get; set; }
    public string FromChain { get; set; } = "";
    public string ToChain { get; set; } = "";
    public string SourceWallet { get; set; } = "";
    public string Destination { get; set; } = "";
    public string DvnPlan { get; set; } = "";
    public string? BurnTxHash { get; set; }
    public long? BurnGasUsed { get; set; }
    public string? DeliveryTxHash { get; set; }
    public long? DeliveryGasUsed { get; set; }
    public string? UnwindTxHash { get; set; }
    public long? UnwindGasUsed { get; set; }
    public string? FailureReason { get; set; }

    /// How many of the first destination-mint attempts are made to fail (`X-Flo-Fail-At: delivery`); null for none.
    public int? FailDeliveries { get; set; }

    /// Destination-mint attempts made so far, the one that landed included.
    public int DeliveryAttempts { get; set; }

    /// Why the latest failed destination-mint attempt failed.
    public string? LastDeliveryError { get; set; }
    public long CreatedMs { get; set; }

    /// When the unwind runs if no quorum formed: ten minutes after acceptance, or at once when the request
    /// asked for the timeout (`X-Flo-Error: bridge_dvn_timeout`).
    public long DeadlineMs { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? SentAt { get; set; }
    public string? DeliveredAt { get; set; }
    public string? RevertedAt { get; set; }

    /// When (tenant-clock milliseconds) the next step is due: the burn, the quorum, the unwind or the
    /// delivery; null when nothing is left to do.
    public long? StepDueMs { get; set; }

    public BridgeStatus State => BridgeLifecycle.Parse(Status);

    public decimal Quantity => Money.FromMicros(QuantityMicros);

    public DvnPlan Plan => Bridges.DvnPlan.Parse(DvnPlan);

    /// Moves the bridge along its lifecycle; a move the table does not allow is a bug and throws.
    public void MoveTo(BridgeStatus to) => Status = BridgeLifecycle.Table.Move(State, to).Wire();

    /// When the quorum forms (tenant-clock milliseconds), or null when it never does before the deadline.
    public long? QuorumMs => Plan.QuorumOffsetMs is { } offset && CreatedMs + offset <= DeadlineMs ? CreatedMs + offset : null;

    /// The timeout was asked for (`X-Flo-Error: bridge_dvn_timeout`) rather than waited for.
    public bool TimeoutInjected => DeadlineMs < CreatedMs + (long)Dvns.QuorumWindow.TotalMilliseconds;

    /// When the destination mint lands: the route's latency, or the quorum when that comes later.
    public long DeliveryMs => Math.Max(CreatedMs + (long)BridgeRoutes.Latency(FromChain, ToChain).TotalMilliseconds, QuorumMs ?? DeadlineMs);

    /// Every destination-mint attempt the relayer makes has failed: what is left is to open the incident.
    public bool DeliveryRetriesSpent => DeliveryAttempts >= DeliveryRetries.MaxAttempts;

    /// The next destination-mint attempt is one `X-Flo-Fail-At` makes fail.
    public bool DeliveryFailsNext => DeliveryAttempts < (FailDeliveries ?? 0);

    /// The bridge as it stands at <paramref name="now"/> on the tenant clock (DVN attestations land over time).
    public BridgeView ToView(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var closed = State == BridgeStatus.Reverted || nowMs >= DeadlineMs;
        var attestations = Dvns.Names.Select((name, i) => Plan.OffsetsMs[i] is { } offset && offset <= Dvns.QuorumWindow.TotalMilliseconds
                && CreatedMs + offset <= nowMs
            ? new DvnAttestationView(name, "attested", Format(CreatedMs + offset))
            : new DvnAttestationView(name, closed ? "missed" : "pending", null)).ToList();
        var attested = attestations.Count(a => a.Status == "attested");
        var reached = QuorumMs is { } quorum && quorum <= nowMs ? Format(quorum) : null;
        return new BridgeView(Id, Status, Token, Money.Quantity(Quantity), FromChain, ToChain, SourceWallet, Destination,
            new DvnQuorumView($"{attested}/{Dvns.Names.Count}", Dvns.Required, reached, attestations),
            Tx(FromChain, BurnTxHash, BurnGasUsed), Tx(ToChain, DeliveryTxHash, DeliveryGasUsed), Tx(FromChain, UnwindTxHash, UnwindGasUsed),
            DeliveryAttempts, LastDeliveryError,
            State == BridgeStatus.Sent && StepDueMs is { } next && !DeliveryRetriesSpent ? Format(next) : null,
            "0.00", FailureReason, CreatedAt, SentAt, DeliveredAt, RevertedAt);
    }

    private static BridgeTxView? Tx(string chain, string? hash, long? gas) => hash is null ? null : new BridgeTxView(chain, hash, gas ?? 0);

    public static string Format(long ms) => TenantClockService.Format(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
