namespace FloSandbox.Flo.Bridges;

/// The docs' relayer: a destination mint that fails after the quorum is tried again every 60 s for 30 minutes
/// on the tenant clock. Attempts sit on a fixed grid from the first one (due at the bridge's delivery time), so
/// a clock moved past several of them runs each in turn: one attempt and 30 retries, the last at the cutoff.
public static class DeliveryRetries
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public static readonly int MaxAttempts = 1 + (int)(Window / Interval);

    /// When attempt number <paramref name="attempt"/> (0 for the first) is due.
    public static long DueMs(BridgeRow row, int attempt) => row.DeliveryMs + attempt * (long)Interval.TotalMilliseconds;
}
