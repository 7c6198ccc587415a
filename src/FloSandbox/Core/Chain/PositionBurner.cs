using FloSandbox.Core.Ledger.Holdings;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Core.Chain;

/// On reset, burns every token the tenant's mints delivered, so the chain forgets the tenant's
/// holdings just as the ledger does.
internal sealed class PositionBurner(PositionStore positions, DevchainHost chain, DeploymentRegistry deployments) : ITenantLifecycle
{
    public Task ProvisioningAsync(Tenant tenant, CancellationToken ct) => Task.CompletedTask;

    public async Task ResettingAsync(Tenant tenant, CancellationToken ct)
    {
        foreach (var holding in await positions.FindAsync(tenant.Id, null, null, ct))
        {
            var network = chain.LiveNetwork(holding.Chain);
            var token = deployments.Find(holding.Chain, holding.Ticker)?.Address ?? deployments.Predicted(holding.Ticker);
            var wallet = EvmAddress.Parse(holding.Wallet);
            var held = await network.Token(token).BalanceOfAsync(wallet, ct);
            var burn = System.Numerics.BigInteger.Min(held, TokenUnits.ToUnits(Ledger.Money.FromMicros(holding.QuantityMicros)));
            if (burn > 0)
            {
                await network.Token(token).BurnAsync(wallet, burn, ct);
            }
        }
    }
}
