using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>The factory's deployments, read from its <c>TokenDeployed</c> logs.</summary>
public sealed partial class FloTokenFactoryContract
{
    /// <summary>Every token this factory deployed, in chain order (one <c>eth_getLogs</c>).</summary>
    public Task<IReadOnlyList<TokenDeployedEvent>> DeploymentsAsync(CancellationToken cancellationToken = default) =>
        TokenDeployedLogsAsync([DevchainEvents.TokenDeployed.Topic0], cancellationToken);

    /// <summary>The deployment of <paramref name="token"/> (topic 2 of its <c>TokenDeployed</c> log), or null when this factory did not deploy it.</summary>
    public async Task<TokenDeployedEvent?> DeploymentOfAsync(EvmAddress token, CancellationToken cancellationToken = default) =>
        (await TokenDeployedLogsAsync([DevchainEvents.TokenDeployed.Topic0, null!, "0x" + new string('0', 24) + token.ToLowerHex()[2..]], cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The receipt of a transaction, or null when the node does not know it.</summary>
    public Task<TransactionReceipt?> ReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).WaitAsync(cancellationToken)!;

    private async Task<IReadOnlyList<TokenDeployedEvent>> TokenDeployedLogsAsync(object[] topics, CancellationToken cancellationToken)
    {
        var filter = new NewFilterInput
        {
            Address = [AddressHex],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Topics = topics,
        };
        var logs = await Web3.Eth.Filters.GetLogs.SendRequestAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
        return logs.Select(DevchainEvents.TryDecodeTokenDeployed).OfType<TokenDeployedEvent>().ToArray();
    }
}
