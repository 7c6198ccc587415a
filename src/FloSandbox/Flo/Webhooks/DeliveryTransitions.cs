namespace FloSandbox.Flo.Webhooks;

/// How a finished attempt moves a delivery: its new status and its next due attempt, if any.
public static class DeliveryTransitions
{
    public sealed record State(string Status, int ScheduledAttempts, long? NextAttemptMs, string? NextKind);

    /// A queued attempt (scheduled, or a bulk replay) finished.
    public static State AfterQueued(string kind, string status, int scheduledAttempts, long eventCreatedMs, bool succeeded, bool jitter, Random random)
    {
        if (kind == AttemptKind.Replay)
        {
            return new State(succeeded ? DeliveryStatus.Delivered : DeliveryStatus.Abandoned, scheduledAttempts, null, null);
        }
        var completed = scheduledAttempts + 1;
        if (succeeded || status == DeliveryStatus.Delivered)
        {
            // Already delivered means a manual replay succeeded while this attempt was in flight.
            return new State(DeliveryStatus.Delivered, completed, null, null);
        }
        return RetrySchedule.NextDueMs(eventCreatedMs, completed, jitter, random) is { } next
            ? new State(DeliveryStatus.Failed, completed, next, AttemptKind.Scheduled)
            : new State(DeliveryStatus.Abandoned, completed, null, null);
    }

    /// A manual replay finished: success delivers (and cancels pending retries); failure changes nothing.
    public static State AfterManualReplay(State current, bool succeeded) =>
        succeeded ? current with { Status = DeliveryStatus.Delivered, NextAttemptMs = null, NextKind = null } : current;
}
