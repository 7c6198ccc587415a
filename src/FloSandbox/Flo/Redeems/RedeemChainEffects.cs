using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Flo.Redeems;

/// A redeem's on-chain effects: the burn, the payout and a failed redeem's restore (a mint back to the
/// holder). Each carries the effect id (the redeems' domain, keccak256(ledger identity ‖ "redeems"), and the
/// redeem's sequence number × 8 + the step), which the factory applies once; an effect found already applied
/// is read back from the chain instead of applied again.
public sealed class RedeemChainEffects(DevchainHost chain, LedgerIdentity ledger)
{
    /// Burns the quantity from the holder on the token's chain; returns the transaction hash.
    public async Task<string> BurnAsync(RedeemRow row, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.Chain);
        var effect = await EffectAsync(row, EffectStep.Burn, ct);
        var holder = EvmAddress.Parse(row.Wallet);
        return await network.Factory.ApplyOnceAsync(effect,
            async () => (await network.Factory.BurnAsync(effect, row.Asset, holder, TokenUnits.ToUnits(row.Quantity), network.Usdc.Address, holder, 0, ct)).TransactionHash,
            receipt => FloTokenFactoryContract.ReadBurn(row.Asset, receipt).TransactionHash, ct);
    }

    /// Pays the proceeds in the payout currency to the payout wallet on the payout chain.
    public async Task<string> PayoutAsync(RedeemRow row, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.PayoutChain);
        var effect = await EffectAsync(row, EffectStep.Payout, ct);
        var coin = Enum.Parse<Currency>(row.PayoutCurrency) == Currency.USDC ? network.Usdc.Address : network.Usdt.Address;
        return await network.Factory.ApplyOnceAsync(effect,
            async () => (await network.Factory.PayAsync(effect, coin, EvmAddress.Parse(row.PayoutWallet), TokenUnits.ToUnits(row.Proceeds), ct)).TransactionHash,
            receipt => receipt.TransactionHash, ct);
    }

    /// Mints the burned quantity back to the holder.
    public async Task<string> RestoreAsync(RedeemRow row, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.Chain);
        var effect = await EffectAsync(row, EffectStep.Mint, ct);
        return await network.Factory.ApplyOnceAsync(effect,
            async () => (await network.Factory.MintAsync(effect, row.Asset, row.AssetName, EvmAddress.Parse(row.Wallet), TokenUnits.ToUnits(row.Quantity),
                network.Usdc.Address, DevchainAccounts.Operator, 0, ct)).TransactionHash,
            receipt => receipt.TransactionHash, ct);
    }

    public const string Kind = "redeems";

    /// Whether the chain already applied the redeem's effect of <paramref name="step"/> on <paramref name="chainName"/>.
    public async Task<bool> AppliedAsync(RedeemRow row, string chainName, EffectStep step, CancellationToken ct) =>
        (await chain.LiveNetwork(chainName).Factory.DoneAsync([await EffectAsync(row, step, ct)], ct))[0];

    private Task<EffectId> EffectAsync(RedeemRow row, EffectStep step, CancellationToken ct) => ledger.EffectIdAsync(Kind, row, step, ct);
}
