using FloSandbox.Core.Orders;

namespace FloSandbox.Flo.Bridges;

/// Where a bridge stands: queued (source tokens burned, the DVNs attesting), sent (3 of 4 DVNs agreed),
/// delivered (minted on the destination chain) or reverted (no quorum in time: the source burn unwound).
public enum BridgeStatus
{
    Queued,
    Sent,
    Delivered,
    Reverted,
}

public static class BridgeLifecycle
{
    /// The only moves a bridge makes.
    public static readonly Lifecycle<BridgeStatus> Table = new("bridge", new Dictionary<BridgeStatus, BridgeStatus[]>
    {
        [BridgeStatus.Queued] = [BridgeStatus.Sent, BridgeStatus.Reverted],
        [BridgeStatus.Sent] = [BridgeStatus.Delivered],
        [BridgeStatus.Delivered] = [],
        [BridgeStatus.Reverted] = [],
    });

    public static readonly IReadOnlyList<string> WireValues = [.. Enum.GetValues<BridgeStatus>().Select(Wire)];

    /// The status as the API spells it.
    public static string Wire(this BridgeStatus status) => status.ToString().ToLowerInvariant();

    public static BridgeStatus Parse(string status) => Enum.Parse<BridgeStatus>(status, ignoreCase: true);
}
