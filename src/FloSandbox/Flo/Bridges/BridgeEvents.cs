namespace FloSandbox.Flo.Bridges;

/// The bridge events of the docs' catalog.
public static class BridgeEvents
{
    public const string Queued = "bridge.queued";
    public const string Sent = "bridge.sent";
    public const string Delivered = "bridge.delivered";
    public const string Reverted = "bridge.reverted";
}
