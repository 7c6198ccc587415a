namespace FloSandbox.Flo.Tokens;

public sealed record EnsureDeployedRequest(string Chain);

/// `deployed` says whether this call deployed the contract; the transaction fields describe the
/// deployment (this call's, or the earlier one that created the contract).
public sealed record TokenDeploymentView(
    string Ticker,
    string Chain,
    long ChainId,
    string Address,
    bool Deployed,
    string TxHash,
    long GasUsed,
    long BlockNumber)
{
    public string Object => "token_deployment";
}

public sealed record ContractView(string Address, bool Deployed);
