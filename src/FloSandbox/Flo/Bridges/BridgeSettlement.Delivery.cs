using FloSandbox.Devchain;
using FloSandbox.Devchain.Contracts;

namespace FloSandbox.Flo.Bridges;

/// The destination mint, as the docs' relayer makes it: a failed attempt leaves the source burn in place and is
/// tried again on the 60-second grid; once every attempt of the 30-minute window has failed, the relayer stops and
/// opens an incident, and the bridge stays `sent` with its tokens recoverable through the SPV, never unwound.
public sealed partial class BridgeSettlement
{
    private async Task DeliverAsync(BridgeRow row)
    {
        TokenMint minted;
        try
        {
            if (row.DeliveryFailsNext)
            {
                await effects.FailDeliveryAsync(row, CancellationToken.None);
            }
            minted = await effects.DeliverAsync(row, CancellationToken.None);
            row.DeliveryAttempts++;
        }
        catch (TransactionRevertedException ex)
        {
            await DeliveryFailedAsync(row, $"destination_mint_reverted: {ex.Message}");
            return;
        }
        await DeliveredAsync(row, minted);
    }

    private async Task DeliveredAsync(BridgeRow row, TokenMint minted)
    {
        deployments.Record(row.ToChain, row.Token, minted.Token, minted.TransactionHash, minted.BlockNumber);
        var now = (await tenants.GetByIdAsync(row.TenantId)).Clock.GetUtcNow();
        row.MoveTo(BridgeStatus.Delivered);
        row.DeliveryTxHash = minted.TransactionHash;
        row.DeliveryGasUsed = (long)minted.GasUsed;
        row.DeliveredAt = BridgeRow.Format(now.ToUnixTimeMilliseconds());
        await EndAsync(row, row.ToChain, row.Destination, BridgeEvents.Delivered, now);
    }

    /// Counts the attempt and makes the next one due on the grid; after the last, the incident is due at once.
    private Task DeliveryFailedAsync(BridgeRow row, string error)
    {
        row.DeliveryAttempts++;
        row.LastDeliveryError = error;
        LogDeliveryFailed(logger, row.Id, row.DeliveryAttempts, error);
        return RetryLaterAsync(row, DateTimeOffset.FromUnixTimeMilliseconds(
            DeliveryRetries.DueMs(row, Math.Min(row.DeliveryAttempts, DeliveryRetries.MaxAttempts - 1))));
    }

    /// Before giving up, asks the destination chain whether an attempt whose answer was lost landed after all:
    /// such a bridge is delivered (read back from the chain), so a bridge is never both minted and given up.
    private async Task OpenIncidentAsync(BridgeRow row)
    {
        if (await effects.AppliedAsync(row, row.ToChain, EffectStep.Mint, CancellationToken.None))
        {
            await DeliveredAsync(row, await effects.DeliverAsync(row, CancellationToken.None));
            return;
        }
        row.FailureReason = $"destination_mint_failed: all {row.DeliveryAttempts} attempts over {DeliveryRetries.Window.TotalMinutes:0} minutes "
            + "failed. The relayer stopped retrying and opened an incident; the source burn is not unwound and the tokens are recoverable "
            + $"through the SPV. Last error: {row.LastDeliveryError}";
        await RetryLaterAsync(row, null);
        LogIncident(logger, row.Id, row.DeliveryAttempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bridge {BridgeId}: destination-mint attempt {Attempt} failed: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string bridgeId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bridge {BridgeId}: all {Attempts} destination-mint attempts failed; retries stopped, incident opened")]
    private static partial void LogIncident(ILogger logger, string bridgeId, int attempts);
}
