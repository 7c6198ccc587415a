using System.Collections.Concurrent;
using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

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
    public ulong GasUsed => (ulong)Receipt.GasUsed.Value;

    /// <summary>Block the token was deployed in.</summary>
    public ulong BlockNumber => (ulong)Receipt.BlockNumber.Value;
}

/// <summary>
/// FloTokenFactory: deploys one FloToken per ticker with CREATE2 (salt keccak256(ticker)), so a
/// ticker's token address depends only on the factory address, which is the same on every chain.
/// </summary>
public sealed partial class FloTokenFactoryContract : ContractBinding
{
    /// <summary>
    /// Typical gas of a <see cref="MintAsync"/> that does not deploy: an existing token, a holder new to it, a stablecoin
    /// payment, and an effect whose storage word already holds an earlier effect of its domain (31 orders' mints of 32 in
    /// one domain; the first effect of a word costs 17,100 more). <see cref="TokenMint.DeployGasPremium"/> subtracts it from
    /// a deploying mint's gas.
    /// </summary>
    public const ulong TypicalPlainMintGas = 83_000;

    private const ulong DeployGas = 3_000_000;
    private const ulong BurnGas = 300_000;

    /// <summary>Gas limit of a mint of a token known to exist: a tenth of one that may deploy it, so ten times as many fit a batch.</summary>
    private const ulong PlainMintGas = 300_000;
    private static readonly ContractFunction Deploy = Function("deploy(string,string)");
    private static readonly ContractFunction Mint = Function("mint(bytes32,uint256,string,string,address,uint256,address,address,uint256)");
    private static readonly ContractFunction Burn = Function("burn(bytes32,uint256,string,address,uint256,address,address,uint256)");
    private static readonly ContractFunction Predict = Function("predict(string)");
    private static readonly ContractFunction TokenOf = Function("tokenOf(string)");
    private static readonly ContractFunction Owner = Function("owner()");

    /// <summary>Creates a binding; deployments are sent from <paramref name="owner"/> (the operator).</summary>
    public FloTokenFactoryContract(TransactionSender sender, EvmAddress address, EvmAddress owner)
        : base(sender, address)
    {
        OwnerAccount = owner;
        _effects = new EffectBatcher(sender, address, owner);
    }

    private readonly EffectBatcher _effects;

    /// <summary>Tickers whose token this binding has seen exist, so their mints need no deployment's gas.</summary>
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

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
        return ContractAddress.ForCreate2(factory, Sha3Keccack.Current.CalculateHashAsBytes(ticker), ContractArtifact.Load("FloToken").InitCodeHash.Span);
    }

    /// <summary><c>predict(ticker)</c>: the token address computed on chain.</summary>
    public async Task<EvmAddress> PredictAsync(string ticker, CancellationToken cancellationToken = default) =>
        EvmAddress.Parse(await CallAsync<string>(Predict, [ticker], cancellationToken).ConfigureAwait(false));

    /// <summary><c>tokenOf(ticker)</c>: the deployed token, or null when the ticker has none yet.</summary>
    public async Task<EvmAddress?> TokenOfAsync(string ticker, CancellationToken cancellationToken = default)
    {
        var token = EvmAddress.Parse(await CallAsync<string>(TokenOf, [ticker], cancellationToken).ConfigureAwait(false));
        return token.IsZero ? null : token;
    }

    /// <summary><c>owner()</c>: the account allowed to deploy, and the operator of every token.</summary>
    public async Task<EvmAddress> OwnerAsync(CancellationToken cancellationToken = default) =>
        EvmAddress.Parse(await CallAsync<string>(Owner, [], cancellationToken).ConfigureAwait(false));

    /// <summary>Deploys the ticker's FloToken (symbol = ticker) in one transaction.</summary>
    /// <exception cref="TransactionRevertedException">The ticker already has a token (<c>TokenAlreadyDeployed</c>), the ticker is empty, or the sender is not the owner.</exception>
    public async Task<TokenDeployment> DeployAsync(string ticker, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(name);
        var receipt = await SendAsync(OwnerAccount, Deploy, DeployGas, [ticker, name], cancellationToken).ConfigureAwait(false);
        var deployed = receipt.Logs.Select(DevchainEvents.TryDecodeTokenDeployed).FirstOrDefault(e => e is not null)
            ?? throw new DevchainException($"FloTokenFactory.deploy({ticker}) succeeded in {receipt.TransactionHash} but emitted no TokenDeployed event.");
        _known[ticker] = true;
        return new TokenDeployment(ticker, deployed.Token, receipt);
    }

    /// <summary>
    /// <c>mint(...)</c>: in one transaction, deploys the ticker's token if it has none yet (same CREATE2 address and
    /// <c>TokenDeployed</c> event as <see cref="DeployAsync"/>), mints <paramref name="amount"/> to <paramref name="to"/>,
    /// and burns <paramref name="payment"/> of <paramref name="stablecoin"/> from <paramref name="payer"/> when it is positive.
    /// Whether it deployed is read from the receipt's logs, without another call.
    /// </summary>
    /// <param name="effect">The effect (domain, index): the factory applies it once and refuses it ever after.</param>
    /// <param name="ticker">The token's ticker (its symbol).</param>
    /// <param name="name">The token's name; used only when this mint deploys the token.</param>
    /// <param name="to">Recipient of the tokens.</param>
    /// <param name="amount">Token amount in raw units.</param>
    /// <param name="stablecoin">USDC or USDT (a MockStablecoin that authorizes this factory); ignored when <paramref name="payment"/> is 0.</param>
    /// <param name="payer">Account whose stablecoins pay for the mint.</param>
    /// <param name="payment">Stablecoin amount in raw units to burn from <paramref name="payer"/>; 0 for none.</param>
    /// <param name="cancellationToken">Cancels the wait; a transaction already sent stays sent.</param>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before (see <see cref="FindAppliedAsync"/>); nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened at all: the payer lacks the payment (<c>InsufficientBalance</c>), the ticker is empty, the sender is not the owner, or <paramref name="to"/> is zero.</exception>
    public async Task<TokenMint> MintAsync(
        EffectId effect, string ticker, string name, EvmAddress to, BigInteger amount, EvmAddress stablecoin, EvmAddress payer, BigInteger payment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(name);
        object[] arguments = [effect.Domain.ToArray(), new BigInteger(effect.Index), ticker, name, to.ToLowerHex(), amount, stablecoin.ToLowerHex(), payer.ToLowerHex(), payment];
        TransactionReceipt receipt;
        try
        {
            receipt = await SendEffectAsync(Mint, _known.ContainsKey(ticker) ? PlainMintGas : DeployGas, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionRevertedException ex) when (ex is not EffectAlreadyAppliedException && ex.RevertData is not { Length: > 0 } && _known.TryRemove(ticker, out _))
        {
            // Out of gas without a reason: the token may be gone (a node restarted on older state). Once more with a
            // deployment's gas; nothing was applied.
            receipt = await SendEffectAsync(Mint, DeployGas, arguments, cancellationToken).ConfigureAwait(false);
        }
        var minted = ReadMint(ticker, receipt);
        _known[ticker] = true;
        return minted;
    }

    /// <summary>
    /// <c>burn(...)</c>: in one transaction, burns <paramref name="amount"/> of the ticker's token from <paramref name="from"/>
    /// and mints <paramref name="payout"/> of <paramref name="stablecoin"/> to <paramref name="payee"/> when it is positive.
    /// </summary>
    /// <param name="effect">The effect (domain, index): the factory applies it once and refuses it ever after.</param>
    /// <param name="ticker">The token's ticker.</param>
    /// <param name="from">Holder whose tokens are burned (no allowance needed).</param>
    /// <param name="amount">Token amount in raw units.</param>
    /// <param name="stablecoin">USDC or USDT (a MockStablecoin that authorizes this factory); ignored when <paramref name="payout"/> is 0.</param>
    /// <param name="payee">Recipient of the payout.</param>
    /// <param name="payout">Stablecoin amount in raw units to mint to <paramref name="payee"/>; 0 for none.</param>
    /// <param name="cancellationToken">Cancels the wait; a transaction already sent stays sent.</param>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened at all: the ticker has no token (<c>TokenNotDeployed</c>), the holder lacks the tokens (<c>InsufficientBalance</c>), the sender is not the owner, or <paramref name="payee"/> is zero.</exception>
    public async Task<TokenBurn> BurnAsync(
        EffectId effect, string ticker, EvmAddress from, BigInteger amount, EvmAddress stablecoin, EvmAddress payee, BigInteger payout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var receipt = await SendEffectAsync(Burn, BurnGas,
            [effect.Domain.ToArray(), new BigInteger(effect.Index), ticker, from.ToLowerHex(), amount, stablecoin.ToLowerHex(), payee.ToLowerHex(), payout], cancellationToken).ConfigureAwait(false);
        return ReadBurn(ticker, receipt);
    }

    /// <summary>A binding for a token deployed by this factory; mint and burn go from the owner.</summary>
    public FloTokenContract Token(EvmAddress token) => new(Sender, token, OwnerAccount);

    /// <summary>
    /// Sends an effect call from the owner through the batcher: alone when nothing else is due, or in one <c>batch</c>
    /// transaction with the effect calls that arrived while the previous transaction was on its way.
    /// </summary>
    private Task<TransactionReceipt> SendEffectAsync(ContractFunction function, ulong gas, object[] arguments, CancellationToken cancellationToken) =>
        _effects.SendAsync(function.Encode(arguments), gas, $"{ContractName}.{function.Name} on {Address}", cancellationToken);

    private static ContractFunction Function(string signature) => ContractFunction.Of("FloTokenFactory", signature);
}
