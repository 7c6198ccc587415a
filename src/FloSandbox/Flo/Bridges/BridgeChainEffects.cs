using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Flo.Bridges;

/// A bridge's on-chain effects: the burn on the source chain, then either the mint on the destination
/// chain or the unwind (a mint back to the holder) on the source chain. Each carries an effect id in the
/// bridges' own domain (bridge sequence, step), which the factory applies once; an effect found already
/// applied is read back from the chain. The delivery and the unwind share the mint step: a bridge does
/// one or the other, on different chains, whose factories keep their effects apart.
public sealed class BridgeChainEffects(DevchainHost chain, LedgerIdentity ledger)
{
    /// An unlocked devchain account that is not the operator: the factory refuses its mints.
    private static readonly EvmAddress UnauthorizedExecutor = DevchainAccounts.Unlocked[1];

    /// Burns the tokens from the source wallet; nothing is paid out.
    public async Task<TokenBurn> BurnAsync(BridgeRow row, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.FromChain);
        var effect = await EffectAsync(row, EffectStep.Burn, ct);
        var holder = EvmAddress.Parse(row.SourceWallet);
        return await network.Factory.ApplyOnceAsync(effect,
            () => network.Factory.BurnAsync(effect, row.Token, holder, TokenUnits.ToUnits(row.Quantity), network.Usdc.Address, holder, 0, ct),
            receipt => FloTokenFactoryContract.ReadBurn(row.Token, receipt), ct);
    }

    /// Mints the tokens to the destination on the destination chain (deploying the token there if needed).
    public Task<TokenMint> DeliverAsync(BridgeRow row, CancellationToken ct) =>
        MintAsync(row, row.ToChain, row.Destination, ct);

    /// Sends the destination mint from an account the destination factory does not authorize (`X-Flo-Fail-At:
    /// delivery`), so the chain reverts it with `NotOwner`: a real failed attempt, its gas spent, nothing minted
    /// and the bridge's effect left unapplied. Throws <see cref="TransactionRevertedException"/>.
    public async Task FailDeliveryAsync(BridgeRow row, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.ToChain);
        var executor = new FloTokenFactoryContract(network.Factory.Sender, network.Factory.Address, UnauthorizedExecutor);
        await executor.MintAsync(await EffectAsync(row, EffectStep.Mint, ct), row.Token, row.TokenName, EvmAddress.Parse(row.Destination),
            TokenUnits.ToUnits(row.Quantity), network.Usdc.Address, DevchainAccounts.Operator, 0, ct);
        throw new InvalidOperationException($"The factory on {row.ToChain} accepted a mint from {UnauthorizedExecutor}, which it does not authorize.");
    }

    /// Mints the burned tokens back to the source wallet on the source chain.
    public Task<TokenMint> UnwindAsync(BridgeRow row, CancellationToken ct) =>
        MintAsync(row, row.FromChain, row.SourceWallet, ct);

    /// Whether the chain has applied the bridge's burn (<see cref="EffectStep.Burn"/>) or its mint
    /// (<see cref="EffectStep.Mint"/>) on <paramref name="chainName"/>.
    public async Task<bool> AppliedAsync(BridgeRow row, string chainName, EffectStep step, CancellationToken ct) =>
        (await chain.LiveNetwork(chainName).Factory.DoneAsync([await EffectAsync(row, step, ct)], ct))[0];

    private async Task<TokenMint> MintAsync(BridgeRow row, string chainName, string to, CancellationToken ct)
    {
        var network = chain.LiveNetwork(chainName);
        var effect = await EffectAsync(row, EffectStep.Mint, ct);
        return await network.Factory.ApplyOnceAsync(effect,
            () => network.Factory.MintAsync(effect, row.Token, row.TokenName, EvmAddress.Parse(to), TokenUnits.ToUnits(row.Quantity),
                network.Usdc.Address, DevchainAccounts.Operator, 0, ct),
            receipt => network.Factory.ReadMint(row.Token, receipt), ct);
    }

    private Task<EffectId> EffectAsync(BridgeRow row, EffectStep step, CancellationToken ct) => ledger.EffectIdAsync("bridges", row, step, ct);
}
