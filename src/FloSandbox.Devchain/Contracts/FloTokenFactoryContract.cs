using FloSandbox.Devchain.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;

namespace FloSandbox.Devchain.Contracts;

/// <summary>The outcome of <see cref="FloTokenFactoryContract.DeployAsync"/>.</summary>
/// <param name="Ticker">The ticker deployed.</param>
/// <param name="Token">The token's CREATE2 address.</param>
/// <param name="Receipt">The deployment transaction's receipt.</param>
public sealed record TokenDeployment(string Ticker, EvmAddress Token, TransactionReceipt Receipt)
{
    /// <summary>The deployment transaction hash.</summary>
    public string TransactionHash => Receipt.TransactionHash;

    /// <summary>Gas used by the deployment.</summary>
    public ulong GasUsed => Receipt.GasUsed;

    /// <summary>Block the token was deployed in.</summary>
    public ulong BlockNumber => Receipt.BlockNumber;
}

/// <summary>
/// FloTokenFactory: deploys one FloToken per ticker with CREATE2 (salt keccak256(ticker)), so a
/// ticker's token address depends only on the factory address, which is the same on every chain.
/// </summary>
public sealed class FloTokenFactoryContract : ContractBinding
{
    private const ulong DeployGas = 3_000_000;
    private static readonly AbiFunction Deploy = new("deploy(string,string)", "address");
    private static readonly AbiFunction Predict = new("predict(string)", "address");
    private static readonly AbiFunction TokenOf = new("tokenOf(string)", "address");
    private static readonly AbiFunction Owner = new("owner()", "address");

    /// <summary>Creates a binding; deployments are sent from <paramref name="owner"/> (the operator).</summary>
    public FloTokenFactoryContract(TransactionSender sender, EvmAddress address, EvmAddress owner)
        : base(sender, address) => OwnerAccount = owner;

    /// <summary>The account deployments are sent from.</summary>
    public EvmAddress OwnerAccount { get; }

    /// <inheritdoc/>
    protected override string ContractName => "FloTokenFactory";

    /// <summary>
    /// The CREATE2 address the factory at <paramref name="factory"/> gives <paramref name="ticker"/>,
    /// computed locally from the embedded FloToken init code (no round trip).
    /// </summary>
    public static EvmAddress PredictTokenAddress(EvmAddress factory, string ticker)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticker);
        return ContractAddress.ForCreate2(factory, Keccak256.Hash(ticker), ContractArtifact.Load("FloToken").InitCodeHash.Span);
    }

    /// <summary><c>predict(ticker)</c>: the token address computed on chain.</summary>
    public Task<EvmAddress> PredictAsync(string ticker, CancellationToken cancellationToken = default) =>
        CallAsync<EvmAddress>(Predict, [ticker], cancellationToken);

    /// <summary><c>tokenOf(ticker)</c>: the deployed token, or null when the ticker has none yet.</summary>
    public async Task<EvmAddress?> TokenOfAsync(string ticker, CancellationToken cancellationToken = default)
    {
        var token = await CallAsync<EvmAddress>(TokenOf, [ticker], cancellationToken).ConfigureAwait(false);
        return token.IsZero ? null : token;
    }

    /// <summary><c>owner()</c>: the account allowed to deploy, and the operator of every token.</summary>
    public Task<EvmAddress> OwnerAsync(CancellationToken cancellationToken = default) =>
        CallAsync<EvmAddress>(Owner, [], cancellationToken);

    /// <summary>Deploys the ticker's FloToken (symbol = ticker) in one transaction.</summary>
    /// <exception cref="TransactionRevertedException">The ticker already has a token (<c>TokenAlreadyDeployed</c>), the ticker is empty, or the sender is not the owner.</exception>
    public async Task<TokenDeployment> DeployAsync(string ticker, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(name);
        var receipt = await SendAsync(OwnerAccount, Deploy, DeployGas, [ticker, name], cancellationToken).ConfigureAwait(false);
        var deployed = receipt.Logs.Select(DevchainEvents.TryDecodeTokenDeployed).FirstOrDefault(e => e is not null)
            ?? throw new DevchainException($"FloTokenFactory.deploy({ticker}) succeeded in {receipt.TransactionHash} but emitted no TokenDeployed event.");
        return new TokenDeployment(ticker, deployed.Token, receipt);
    }

    /// <summary>A binding for a token deployed by this factory; mint and burn go from the owner.</summary>
    public FloTokenContract Token(EvmAddress token) => new(Sender, token, OwnerAccount);
}
