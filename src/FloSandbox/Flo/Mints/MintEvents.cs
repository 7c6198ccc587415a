namespace FloSandbox.Flo.Mints;

public sealed record ContractDeployedEvent(string Ticker, string Chain, long ChainId, string Address, string TxHash, long GasUsed, string MintId)
{
    public string Object => "token_deployment";
}

public sealed record FeeAccruedEvent(string Id, string SourceId, string Destination, int AmountBps, string AmountUsdc, string AccruedAt)
{
    public string Object => "developer_fee";
}
