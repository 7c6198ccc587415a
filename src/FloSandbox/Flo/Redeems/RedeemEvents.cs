namespace FloSandbox.Flo.Redeems;

public sealed record RedeemFeeAccruedEvent(string Id, string SourceId, string Destination, int AmountBps, string AmountUsdc, string AccruedAt)
{
    public string Object => "developer_fee";
}
