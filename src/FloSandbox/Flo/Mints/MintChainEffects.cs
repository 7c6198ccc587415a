using FloSandbox.Core.Ledger;
using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Flo.Mints;

/// A mint's on-chain effects. Each carries an effect id derived from the mint and the step, which the
/// factory applies once and refuses ever after; an effect found already applied (the process died after
/// sending it, before the ledger recorded it) is read back from the chain instead of applied again.
public sealed class MintChainEffects(DevchainHost chain, TenantWallets wallets, LedgerIdentity ledger)
{
    /// Burns the payment from the payer's home-chain wallet (a queued mint, or a mint on another chain);
    /// returns the transaction hash.
    public Task<string> CollectPaymentAsync(MintRow row, CancellationToken ct) =>
        CollectAsync(row, EffectStep.Payment, row.Total, ct);

    /// Burns the deployment charge from the payer's home-chain wallet.
    public Task<string> CollectDeployChargeAsync(MintRow row, decimal charge, CancellationToken ct) =>
        CollectAsync(row, EffectStep.DeployCharge, charge, ct);

    /// Pays the payment back to the payer's home-chain wallet.
    public async Task<string> RefundAsync(MintRow row, CancellationToken ct)
    {
        var home = chain.LiveNetwork(TenantWallets.HomeChain);
        var effect = await EffectAsync(row, EffectStep.Refund, ct);
        return await home.Factory.ApplyOnceAsync(effect,
            async () => (await home.Factory.PayAsync(effect, Coin(row), EvmAddress.Parse(row.Payer), TokenUnits.ToUnits(row.Total), ct)).TransactionHash,
            r => r.TransactionHash, ct);
    }

    /// The mint itself, in one factory transaction: deploys the token if it has none, mints it to the
    /// wallet and, when <paramref name="payment"/> is positive, burns the payment in the same transaction.
    public async Task<TokenMint> MintAsync(MintRow row, decimal payment, CancellationToken ct)
    {
        var network = chain.LiveNetwork(row.Chain);
        var effect = await EffectAsync(row, EffectStep.Mint, ct);
        return await network.Factory.ApplyOnceAsync(effect,
            () => network.Factory.MintAsync(effect, row.Asset, row.AssetName, EvmAddress.Parse(row.Wallet), TokenUnits.ToUnits(row.Quantity),
                Coin(row), EvmAddress.Parse(row.Payer), TokenUnits.ToUnits(payment), ct),
            receipt => network.Factory.ReadMint(row.Asset, receipt), ct);
    }

    private async Task<string> CollectAsync(MintRow row, EffectStep step, decimal amount, CancellationToken ct)
    {
        var home = chain.LiveNetwork(TenantWallets.HomeChain);
        var effect = await EffectAsync(row, step, ct);
        return await home.Factory.ApplyOnceAsync(effect,
            async () => (await home.Factory.CollectAsync(effect, Coin(row), EvmAddress.Parse(row.Payer), TokenUnits.ToUnits(amount), ct)).TransactionHash,
            r => r.TransactionHash, ct);
    }

    /// (this ledger's identity, the mint's sequence number, the step): eight steps to a mint, 256 effects to
    /// a storage word on chain, so the chain grows by one word per 32 mints.
    private Task<EffectId> EffectAsync(MintRow row, EffectStep step, CancellationToken ct) => ledger.EffectIdAsync(null, row, step, ct);

    private EvmAddress Coin(MintRow row) => wallets.Coin(Enum.Parse<Currency>(row.Currency)).Address;
}
