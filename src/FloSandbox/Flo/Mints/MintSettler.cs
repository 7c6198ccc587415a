using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Ledger.Fees;
using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Outbox;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Mints;

/// Moves an accepted mint to its terminal state: the on-chain mint (one factory transaction that
/// deploys the token if needed and, on Base, burns the payment too), then one ledger transaction that
/// records the settlement, supply, position, developer fee and events. Or, on failure, the refund.
public sealed partial class MintSettler(
    LedgerDatabase db, DevchainHost chain, TenantWallets wallets, DeploymentRegistry deployments, OutboxStore outbox,
    MintGuardrails guardrails, ILogger<MintSettler> logger)
{
    /// Mints on chain, collecting <paramref name="paymentDue"/> from the payer's home-chain wallet.
    public async Task<TokenMint> ExecuteOnChainAsync(MintRow row, decimal paymentDue, CancellationToken ct)
    {
        var target = chain.LiveNetwork(row.Chain);
        var coin = wallets.Coin(Enum.Parse<Currency>(row.Currency));
        var payer = EvmAddress.Parse(row.Payer);
        var amount = TokenUnits.ToUnits(row.Quantity);
        if (paymentDue == 0 || row.Chain == TenantWallets.HomeChain)
        {
            return await target.Factory.MintAsync(EffectId.For(row.Id, "mint"), row.Asset, row.AssetName, EvmAddress.Parse(row.Wallet), amount,
                coin.Address, payer, TokenUnits.ToUnits(paymentDue), ct);
        }
        await coin.BurnAsync(payer, TokenUnits.ToUnits(paymentDue), ct);
        try
        {
            return await target.Factory.MintAsync(EffectId.For(row.Id, "mint"), row.Asset, row.AssetName, EvmAddress.Parse(row.Wallet), amount, coin.Address, payer, 0, ct);
        }
        catch
        {
            await coin.MintAsync(payer, TokenUnits.ToUnits(paymentDue), CancellationToken.None);
            throw;
        }
    }

    /// The `failure_reason` of a settlement the chain refused or did not answer.
    public static string FailureReason(DevchainException ex) => ex is DevchainUnavailableException
        ? "settlement_unavailable: the devchain did not answer"
        : $"settlement_reverted: {ex.Message}";

    /// Records the settlement of a mint whose on-chain mint succeeded.
    public async Task<MintRow> SettleAsync(MintRow row, TokenMint minted, bool recordFill, DateTimeOffset now)
    {
        deployments.Record(row.Chain, row.Asset, minted.Token, minted.TransactionHash, minted.BlockNumber);
        var deployCharge = minted.Deployed ? MintPricing.DeployCharge(row.Chain, minted.DeployGasPremium) : 0m;
        var at = TenantClockService.Format(now);
        row.Status = "settled";
        row.TxHash = minted.TransactionHash;
        row.ContractAddress = minted.Token.ToString();
        row.AutoDeployed = minted.Deployed;
        row.DeployGasUsed = (long)minted.DeployGasPremium;
        row.FilledAt ??= at;
        row.SettledAt = at;

        var charged = await db.WriteAsync(async ledger =>
        {
            var currency = Enum.Parse<Currency>(row.Currency);
            var charged = deployCharge > 0 && await BalanceStore.TryDebitAsync(ledger, row.TenantId, currency, deployCharge) ? deployCharge : 0m;
            row.DeployChargeMicros = Money.ToMicros(charged);
            await MintStore.UpdateAsync(ledger, row);
            await PositionStore.AddAsync(ledger, row.TenantId, row.Asset, row.Wallet.ToLowerInvariant(), row.Chain, row.Quantity);
            await RecordEventsAsync(ledger, row, minted, recordFill, now);
            return charged;
        });
        outbox.NotifyAppended();
        if (charged > 0)
        {
            await CollectDeployChargeAsync(row, charged);
        }
        return row;
    }

    /// Fails a mint and refunds it in full: the ledger debit, and on chain whatever was already collected.
    public async Task<MintRow> FailAsync(MintRow row, string reason, bool paymentCollectedOnChain, DateTimeOffset now)
    {
        row.Status = "failed";
        row.FailureReason = reason;
        row.FailedAt = TenantClockService.Format(now);
        if (paymentCollectedOnChain)
        {
            await wallets.CreditAsync(row.Payer, Enum.Parse<Currency>(row.Currency), row.Total, CancellationToken.None);
        }
        await db.WriteAsync(async ledger =>
        {
            await BalanceStore.CreditAsync(ledger, row.TenantId, Enum.Parse<Currency>(row.Currency), row.Total);
            await guardrails.ReleaseAsync(ledger, row);
            await MintStore.UpdateAsync(ledger, row);
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintFailed, row.ToView(), now);
        });
        outbox.NotifyAppended();
        return row;
    }

    private static async Task RecordEventsAsync(LedgerSession ledger, MintRow row, TokenMint minted, bool recordFill, DateTimeOffset now)
    {
        if (recordFill)
        {
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintFilled, row.ToFilledView(), now);
        }
        if (minted.Deployed)
        {
            await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintContractDeployed, new ContractDeployedEvent(
                row.Asset, row.Chain, (long)DevchainChain.Get(row.Chain).ChainId, row.ContractAddress, minted.TransactionHash,
                (long)minted.DeployGasPremium, row.Id), now);
        }
        await FloEvents.AppendAsync(ledger, row.TenantId, EventTypes.MintSettled, row.ToView(), now);
        if (row.DeveloperFeeBps is { } bps)
        {
            var accrual = await DeveloperFeeStore.AccrueAsync(ledger, row.TenantId, row.Id, row.DeveloperFeeDestination!, (int)bps,
                Money.FromMicros(row.DeveloperFeeMicros), now);
            await FloEvents.AppendAsync(ledger, row.TenantId, "fee.accrued", new FeeAccruedEvent(accrual.Id, row.Id,
                accrual.Destination, (int)accrual.AmountBps, Money.Usd(Money.FromMicros(accrual.AmountMicros)), accrual.AccruedAt), now);
        }
    }

    private async Task CollectDeployChargeAsync(MintRow row, decimal charge)
    {
        try
        {
            await wallets.Coin(Enum.Parse<Currency>(row.Currency)).BurnAsync(EvmAddress.Parse(row.Payer), TokenUnits.ToUnits(charge), CancellationToken.None);
        }
        catch (DevchainException ex)
        {
            // The ledger already holds the charge; the start-up reconciliation brings the chain in line.
            LogDeployChargeFailed(logger, ex, row.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collecting the deployment charge of {MintId} on chain failed")]
    private static partial void LogDeployChargeFailed(ILogger logger, Exception ex, string mintId);
}

public sealed record ContractDeployedEvent(string Ticker, string Chain, long ChainId, string Address, string TxHash, long GasUsed, string MintId)
{
    public string Object => "token_deployment";
}

public sealed record FeeAccruedEvent(string Id, string SourceId, string Destination, int AmountBps, string AmountUsdc, string AccruedAt)
{
    public string Object => "developer_fee";
}
