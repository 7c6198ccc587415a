using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;

namespace FloSandbox.Core.Orders;

/// An order that settles as durable steps: its row says when its next step is due on the tenant clock
/// (null when nothing is left).
public interface IDurableOrder
{
    string Id { get; }

    string Status { get; }

    /// The order's number among its kind, which its on-chain effects carry (0 when read without it).
    long Seq { get; }

    long? StepDueMs { get; }
}

/// What one kind of order brings to <see cref="OrderSteps"/>: how to read it and run its next step, and
/// what to do when the chain does not answer.
public interface IOrderStepper<TOrder> where TOrder : class, IDurableOrder
{
    /// Names the order's lock (with its id) and its log lines.
    string Kind { get; }

    Task<TOrder?> ReadAsync(LedgerSession ledger, string id);

    /// Runs the step that is due: at most one on-chain effect, then one ledger commit that writes the row
    /// (with its next due time) through.
    Task StepAsync(TOrder order, TenantClock clock);

    /// The chain did not answer the step: fail the order or schedule the step again.
    Task ChainUnavailableAsync(TOrder order, TenantClock clock, bool firstAttempt);
}

public enum StepOutcome
{
    /// Everything due now has run (or the order is gone).
    Advanced,

    /// The chain did not answer; the step is due again later (or the order failed).
    ChainUnavailable,
}

/// The one way orders advance: under the order's lock and inside its tenant's gate (a reset waits), run
/// every step that is due on the tenant clock. Whoever calls (the request that accepted the order, the
/// scheduler, a restart after a crash) runs exactly what is left, and no request token cancels it.
public sealed partial class OrderSteps(LedgerDatabase db, TenantRegistry tenants, TenantGate gate, KeyedLock locks, ILogger<OrderSteps> logger)
{
    /// How many orders of a kind the scheduler advances side by side (each under its own lock): their chain effects
    /// share factory transactions and their ledger writes share commits, so after a crash or a clock jump a thousand
    /// due orders settle in a few dozen transactions.
    public const int SideBySide = 64;

    /// Runs the order's due steps and returns it as it stands after them (null when it no longer exists).
    public async Task<(StepOutcome Outcome, TOrder? Order)> AdvanceAsync<TOrder>(IOrderStepper<TOrder> stepper, string tenantId, string id,
        bool firstAttempt) where TOrder : class, IDurableOrder
    {
        using var held = await locks.AcquireAsync(stepper.Kind + "\n" + id, CancellationToken.None);
        using var inside = await gate.EnterSharedAsync(tenantId, CancellationToken.None);
        // Read under the lock and inside the gate: another runner may have advanced it, a reset deleted it.
        // From here on the row in memory is the truth: every step writes it through.
        if (await db.ReadAsync(ledger => stepper.ReadAsync(ledger, id)) is not { } order)
        {
            return (StepOutcome.Advanced, null);
        }
        var clock = (await tenants.GetByIdAsync(tenantId)).Clock;
        while (order.StepDueMs is { } due && due <= clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            try
            {
                await stepper.StepAsync(order, clock);
            }
            catch (DevchainUnavailableException ex)
            {
                LogChainUnavailable(logger, ex, stepper.Kind, order.Id);
                await stepper.ChainUnavailableAsync(order, clock, firstAttempt);
                return (StepOutcome.ChainUnavailable, order);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug, not the chain: the step stays due (as stored) and is retried by the scheduler.
                LogStepFailed(logger, ex, stepper.Kind, order.Id, order.Status);
                return (StepOutcome.Advanced, await db.ReadAsync(ledger => stepper.ReadAsync(ledger, id)));
            }
        }
        return (StepOutcome.Advanced, order);
    }

    /// What the request that accepted an order answers with: its steps, waited for at most <paramref name="wait"/>
    /// (a hang-up on <paramref name="ct"/> only stops the wait, never the steps), then the order as it stands.
    /// The outcome is null when the wait ran out and the steps go on.
    public async Task<(StepOutcome? Outcome, TOrder? Order)> AdvanceWithinAsync<TOrder>(IOrderStepper<TOrder> stepper, string tenantId,
        string id, bool firstAttempt, TimeSpan wait, CancellationToken ct) where TOrder : class, IDurableOrder
    {
        try
        {
            return await AdvanceAsync(stepper, tenantId, id, firstAttempt).WaitAsync(wait, ct);
        }
        catch (TimeoutException)
        {
            return (null, await db.ReadAsync(ledger => stepper.ReadAsync(ledger, id), CancellationToken.None));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {OrderId}: the devchain did not answer")]
    private static partial void LogChainUnavailable(ILogger logger, Exception ex, string kind, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} {OrderId} ({Status}): a step failed; it stays due and is retried")]
    private static partial void LogStepFailed(ILogger logger, Exception ex, string kind, string orderId, string status);
}
