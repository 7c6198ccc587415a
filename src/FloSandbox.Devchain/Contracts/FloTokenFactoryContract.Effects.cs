using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// The factory's stablecoin-only effects, and reading back which effects the chain applied: every effect
/// function takes an <see cref="EffectId"/>, records it in the same transaction and refuses it ever after
/// (<see cref="EffectAlreadyAppliedException"/>), so a settlement run again after a crash can ask the chain
/// what already happened and never apply anything twice.
/// </summary>
public sealed partial class FloTokenFactoryContract
{
    /// <summary>Effects per <c>doneMany</c> call: about 2.5k gas each keeps a call far below a node's gas cap for calls.</summary>
    public const int DoneBatchSize = 1000;

    private static readonly ContractFunction Collect = Function("collect(bytes32,address,address,uint256)");
    private static readonly ContractFunction Pay = Function("pay(bytes32,address,address,uint256)");
    private static readonly ContractFunction DoneMany = Function("doneMany(bytes32[])");

    /// <summary><c>collect(effect, stablecoin, from, amount)</c>: burns a stablecoin payment from <paramref name="from"/>, no token involved.</summary>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened: <paramref name="from"/> lacks the amount (<c>InsufficientBalance</c>), or the sender is not the owner.</exception>
    public Task<TransactionReceipt> CollectAsync(
        EffectId effect, EvmAddress stablecoin, EvmAddress from, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(OwnerAccount, Collect, TokenWriteGas, [effect.ToArray(), stablecoin.ToLowerHex(), from.ToLowerHex(), amount], cancellationToken);

    /// <summary><c>pay(effect, stablecoin, to, amount)</c>: mints a stablecoin payout or refund to <paramref name="to"/>.</summary>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened: <paramref name="to"/> is zero, or the sender is not the owner.</exception>
    public Task<TransactionReceipt> PayAsync(
        EffectId effect, EvmAddress stablecoin, EvmAddress to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(OwnerAccount, Pay, TokenWriteGas, [effect.ToArray(), stablecoin.ToLowerHex(), to.ToLowerHex(), amount], cancellationToken);

    /// <summary><c>doneMany(effects)</c>: whether each effect was applied, in order, a thousand per <c>eth_call</c>.</summary>
    public async Task<IReadOnlyList<bool>> DoneAsync(IReadOnlyList<EffectId> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var done = new List<bool>(effects.Count);
        foreach (var chunk in effects.Chunk(DoneBatchSize))
        {
            done.AddRange(await CallAsync<List<bool>>(DoneMany, [chunk.Select(e => e.ToArray()).ToList()], cancellationToken).ConfigureAwait(false));
        }

        return done;
    }

    /// <summary>
    /// The receipt of the transaction that applied <paramref name="effect"/>: its <c>EffectApplied</c> log (topic 1 is the
    /// effect) at this factory, then that transaction's receipt. Null when the chain has no such log. Read a mint's
    /// outcome from it with <see cref="ReadMint"/>.
    /// </summary>
    public async Task<TransactionReceipt?> FindAppliedAsync(EffectId effect, CancellationToken cancellationToken = default)
    {
        var filter = new NewFilterInput
        {
            Address = [AddressHex],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Topics = [DevchainEvents.EffectApplied.Topic0, effect.ToString()],
        };
        var logs = await Web3.Eth.Filters.GetLogs.SendRequestAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (logs.FirstOrDefault(log => DevchainEvents.TryDecodeEffectApplied(log) == effect) is not { } applied)
        {
            return null;
        }

        return await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(applied.TransactionHash)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <see cref="TokenMint"/> a mint's receipt stands for, as <see cref="MintAsync"/> returns it: whether it deployed comes
    /// from the receipt's <c>TokenDeployed</c> log, the token from that log or from the token's mint <c>Transfer</c>.
    /// With <see cref="FindAppliedAsync"/>, completes a settlement whose mint happened but whose answer was lost.
    /// </summary>
    /// <exception cref="DevchainException">The receipt is not a successful factory mint.</exception>
    public TokenMint ReadMint(string ticker, TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var logs = receipt.Logs ?? [];
        var deployed = logs.Select(DevchainEvents.TryDecodeTokenDeployed).FirstOrDefault(e => e is not null && e.Factory == Address);

        // Without a deployment the token is the emitter of the only Transfer from the zero address (the stablecoin side is a burn).
        var token = deployed?.Token
            ?? logs.Select(DevchainEvents.TryDecodeTransfer).FirstOrDefault(t => t is not null && t.From.IsZero)?.Token
            ?? throw new DevchainException($"Transaction {receipt.TransactionHash} is not a FloTokenFactory.mint({ticker}): it emitted no mint Transfer.");
        return new TokenMint(ticker, token, deployed is not null, receipt);
    }

    /// <summary>The <see cref="TokenBurn"/> a burn's receipt stands for, as <see cref="BurnAsync"/> returns it.</summary>
    /// <exception cref="DevchainException">The receipt is not a successful factory burn.</exception>
    public static TokenBurn ReadBurn(string ticker, TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);

        // The token is the emitter of the only Transfer to the zero address (the stablecoin side is a mint).
        var token = (receipt.Logs ?? []).Select(DevchainEvents.TryDecodeTransfer).FirstOrDefault(t => t is not null && t.To.IsZero)?.Token
            ?? throw new DevchainException($"Transaction {receipt.TransactionHash} is not a FloTokenFactory.burn({ticker}): it emitted no burn Transfer.");
        return new TokenBurn(ticker, token, receipt);
    }

}
