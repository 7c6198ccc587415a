using System.Globalization;
using System.Numerics;
using FloSandbox.Devchain.Contracts.Abi;
using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// The factory's stablecoin-only effects, and reading back which effects the chain applied: every effect
/// function takes an <see cref="EffectId"/> (domain, index), records it in the same transaction as one bit of a
/// bitmap and refuses it ever after
/// (<see cref="EffectAlreadyAppliedException"/>), so a settlement run again after a crash can ask the chain
/// what already happened and never apply anything twice.
/// </summary>
public sealed partial class FloTokenFactoryContract
{
    /// <summary>Effects per <c>doneMany</c> call: a few thousand gas each keeps a call far below a node's gas cap for calls.</summary>
    public const int DoneBatchSize = 1000;

    private static readonly ContractFunction Collect = Function("collect(bytes32,uint256,address,address,uint256)");
    private static readonly ContractFunction Pay = Function("pay(bytes32,uint256,address,address,uint256)");
    private static readonly ContractFunction DoneMany = Function("doneMany(bytes32,uint256[])");

    /// <summary><c>collect(domain, index, stablecoin, from, amount)</c>: burns a stablecoin payment from <paramref name="from"/>, no token involved.</summary>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened: <paramref name="from"/> lacks the amount (<c>InsufficientBalance</c>), or the sender is not the owner.</exception>
    public Task<TransactionReceipt> CollectAsync(
        EffectId effect, EvmAddress stablecoin, EvmAddress from, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendEffectAsync(Collect, TokenWriteGas, [effect.Domain.ToArray(), new BigInteger(effect.Index), stablecoin.ToLowerHex(), from.ToLowerHex(), amount], cancellationToken);

    /// <summary><c>pay(domain, index, stablecoin, to, amount)</c>: mints a stablecoin payout or refund to <paramref name="to"/>.</summary>
    /// <exception cref="EffectAlreadyAppliedException">The effect was applied before; nothing happened now.</exception>
    /// <exception cref="TransactionRevertedException">Nothing happened: <paramref name="to"/> is zero, or the sender is not the owner.</exception>
    public Task<TransactionReceipt> PayAsync(
        EffectId effect, EvmAddress stablecoin, EvmAddress to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendEffectAsync(Pay, TokenWriteGas, [effect.Domain.ToArray(), new BigInteger(effect.Index), stablecoin.ToLowerHex(), to.ToLowerHex(), amount], cancellationToken);

    /// <summary>
    /// Whether each effect was applied, in the order given: one <c>doneMany(domain, indexes)</c> <c>eth_call</c> per domain
    /// and thousand indexes.
    /// </summary>
    public async Task<IReadOnlyList<bool>> DoneAsync(IReadOnlyList<EffectId> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var done = new bool[effects.Count];
        var byDomain = effects.Select((effect, position) => (effect, position)).GroupBy(e => e.effect.DomainHex, StringComparer.Ordinal);
        foreach (var domain in byDomain)
        {
            foreach (var chunk in domain.Chunk(DoneBatchSize))
            {
                var applied = await CallAsync<List<bool>>(
                    DoneMany, [chunk[0].effect.Domain.ToArray(), chunk.Select(e => new BigInteger(e.effect.Index)).ToList()], cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    done[chunk[i].position] = applied[i];
                }
            }
        }

        return done;
    }

    /// <summary>
    /// The receipt of the transaction that applied <paramref name="effect"/>: its <c>EffectApplied</c> log at this factory
    /// (topic 1 the domain, topic 2 the index), then that transaction's receipt (for a batch, the slice of the call that
    /// applied it: see <see cref="BatchReceipts"/>). Null when the chain has no such log. Read a
    /// mint's outcome from it with <see cref="ReadMint"/>.
    /// </summary>
    public async Task<TransactionReceipt?> FindAppliedAsync(EffectId effect, CancellationToken cancellationToken = default)
    {
        var filter = new NewFilterInput
        {
            Address = [AddressHex],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Topics = [DevchainEvents.EffectApplied.Topic0, effect.DomainHex, "0x" + effect.Index.ToString("x64", CultureInfo.InvariantCulture)],
        };
        var logs = await Web3.Eth.Filters.GetLogs.SendRequestAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (logs.FirstOrDefault(log => DevchainEvents.TryDecodeEffectApplied(log) == effect) is not { } applied)
        {
            return null;
        }

        var receipt = await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(applied.TransactionHash)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return receipt is null ? null : BatchReceipts.CallApplying(receipt, Address, effect);
    }

    /// <summary>
    /// Applies <paramref name="effect"/> once, whoever asks and however often: runs <paramref name="apply"/> (a factory
    /// call carrying the effect); when the factory refuses it as applied before (the process died after sending it,
    /// before recording it), reads the outcome back from the transaction that applied it instead.
    /// </summary>
    /// <exception cref="DevchainException">The chain applied the effect but no longer has its transaction.</exception>
    public async Task<T> ApplyOnceAsync<T>(EffectId effect, Func<Task<T>> apply, Func<TransactionReceipt, T> fromReceipt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(fromReceipt);
        try
        {
            return await apply().ConfigureAwait(false);
        }
        catch (EffectAlreadyAppliedException)
        {
            var receipt = await FindAppliedAsync(effect, cancellationToken).ConfigureAwait(false)
                ?? throw new DevchainException($"The chain applied effect {effect} but its transaction is no longer on record.");
            return fromReceipt(receipt);
        }
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
