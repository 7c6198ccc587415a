using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Rpc;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// ERC-20 reads and transfers shared by <see cref="FloTokenContract"/> and <see cref="MockStablecoinContract"/>,
/// plus operator-only mint and burn. Amounts are raw units (6 decimals: 1.5 tokens = 1_500_000);
/// see <see cref="TokenUnits"/>.
/// </summary>
public abstract class Erc20Contract : ContractBinding
{
    private static readonly ContractFunction BalanceOf = Function("balanceOf(address)");
    private static readonly ContractFunction TotalSupply = Function("totalSupply()");
    private static readonly ContractFunction Decimals = Function("decimals()");
    private static readonly ContractFunction Name = Function("name()");
    private static readonly ContractFunction Symbol = Function("symbol()");
    private static readonly ContractFunction Allowance = Function("allowance(address,address)");
    private static readonly ContractFunction Transfer = Function("transfer(address,uint256)");
    private static readonly ContractFunction Approve = Function("approve(address,uint256)");
    private static readonly ContractFunction Mint = Function("mint(address,uint256)");
    private static readonly ContractFunction Burn = Function("burn(address,uint256)");

    /// <summary>Creates a binding whose mint and burn are sent from <paramref name="minter"/>.</summary>
    protected Erc20Contract(TransactionSender sender, EvmAddress address, EvmAddress minter)
        : base(sender, address) => Minter = minter;

    /// <summary>The account mint and burn are sent from (the operator, unless changed with <c>WithMinter</c>).</summary>
    public EvmAddress Minter { get; }

    /// <summary><c>balanceOf(account)</c> in raw units.</summary>
    public Task<BigInteger> BalanceOfAsync(EvmAddress account, CancellationToken cancellationToken = default) =>
        CallAsync<BigInteger>(BalanceOf, [account.ToLowerHex()], cancellationToken);

    /// <summary><c>totalSupply()</c> in raw units.</summary>
    public Task<BigInteger> TotalSupplyAsync(CancellationToken cancellationToken = default) =>
        CallAsync<BigInteger>(TotalSupply, [], cancellationToken);

    /// <summary><c>decimals()</c> (6 for every devchain token).</summary>
    public Task<int> DecimalsAsync(CancellationToken cancellationToken = default) =>
        CallAsync<int>(Decimals, [], cancellationToken);

    /// <summary><c>name()</c>.</summary>
    public Task<string> NameAsync(CancellationToken cancellationToken = default) => CallAsync<string>(Name, [], cancellationToken);

    /// <summary><c>symbol()</c>.</summary>
    public Task<string> SymbolAsync(CancellationToken cancellationToken = default) => CallAsync<string>(Symbol, [], cancellationToken);

    /// <summary><c>allowance(owner, spender)</c> in raw units.</summary>
    public Task<BigInteger> AllowanceAsync(EvmAddress owner, EvmAddress spender, CancellationToken cancellationToken = default) =>
        CallAsync<BigInteger>(Allowance, [owner.ToLowerHex(), spender.ToLowerHex()], cancellationToken);

    /// <summary>Mints <paramref name="amount"/> to <paramref name="to"/>: one transaction from <see cref="Minter"/>.</summary>
    /// <exception cref="TransactionRevertedException">The minter is not the operator, or <paramref name="to"/> is zero.</exception>
    public Task<TransactionReceipt> MintAsync(EvmAddress to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(Minter, Mint, TokenWriteGas, [to.ToLowerHex(), amount], cancellationToken);

    /// <summary>Burns <paramref name="amount"/> from <paramref name="from"/> without an allowance: one transaction from <see cref="Minter"/>.</summary>
    /// <exception cref="TransactionRevertedException">The minter is not the operator, or the balance is too small.</exception>
    public Task<TransactionReceipt> BurnAsync(EvmAddress from, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(Minter, Burn, TokenWriteGas, [from.ToLowerHex(), amount], cancellationToken);

    /// <summary>Transfers from an unlocked account <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Task<TransactionReceipt> TransferAsync(EvmAddress from, EvmAddress to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(from, Transfer, TokenWriteGas, [to.ToLowerHex(), amount], cancellationToken);

    /// <summary>Approves <paramref name="spender"/> for <paramref name="amount"/> on behalf of the unlocked account <paramref name="owner"/>.</summary>
    public Task<TransactionReceipt> ApproveAsync(EvmAddress owner, EvmAddress spender, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(owner, Approve, TokenWriteGas, [spender.ToLowerHex(), amount], cancellationToken);

    /// <summary>Erc20.sol is abstract: its functions are read from MockStablecoin's ABI, which FloToken shares.</summary>
    private static ContractFunction Function(string signature) => ContractFunction.Of("MockStablecoin", signature);
}

/// <summary>A FloToken: the ERC-20 of one tokenized security, deployed by the factory.</summary>
public sealed class FloTokenContract : Erc20Contract
{
    /// <summary>Creates a binding; mint and burn go from <paramref name="minter"/> (normally <see cref="DevchainAccounts.Operator"/>).</summary>
    public FloTokenContract(TransactionSender sender, EvmAddress address, EvmAddress minter)
        : base(sender, address, minter)
    {
    }

    /// <inheritdoc/>
    protected override string ContractName => "FloToken";

    /// <summary>The same token, with mint and burn sent from another unlocked account.</summary>
    public FloTokenContract WithMinter(EvmAddress minter) => new(Sender, Address, minter);
}

/// <summary>Mock USDC / USDT: 6 decimals, operator-mintable and -burnable.</summary>
public sealed class MockStablecoinContract : Erc20Contract
{
    /// <summary>Creates a binding; mint and burn go from <paramref name="minter"/> (normally <see cref="DevchainAccounts.Operator"/>).</summary>
    public MockStablecoinContract(TransactionSender sender, EvmAddress address, EvmAddress minter)
        : base(sender, address, minter)
    {
    }

    /// <inheritdoc/>
    protected override string ContractName => "MockStablecoin";

    /// <summary>The same stablecoin, with mint and burn sent from another unlocked account.</summary>
    public MockStablecoinContract WithMinter(EvmAddress minter) => new(Sender, Address, minter);
}
