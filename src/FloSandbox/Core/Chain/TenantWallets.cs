using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Core.Chain;

/// Tenants' synthetic stablecoins on chain: MockStablecoin balances at the settlement address on the
/// home chain (Base). The ledger and these balances move together.
public sealed class TenantWallets(DevchainHost host) : ITenantLifecycle
{
    public const string HomeChain = "base";

    public MockStablecoinContract Coin(Currency currency)
    {
        var network = host.LiveNetwork(HomeChain);
        return currency == Currency.USDC ? network.Usdc : network.Usdt;
    }

    public Task CreditAsync(string address, Currency currency, decimal amount, CancellationToken ct) =>
        Coin(currency).MintAsync(EvmAddress.Parse(address), TokenUnits.ToUnits(amount), ct);

    public async Task<decimal> BalanceAsync(string address, Currency currency, CancellationToken ct) =>
        TokenUnits.FromUnits(await Coin(currency).BalanceOfAsync(EvmAddress.Parse(address), ct));

    /// Mints or burns the difference so the on-chain balance equals <paramref name="target"/>.
    public async Task SetBalanceAsync(string address, Currency currency, decimal target, CancellationToken ct)
    {
        var coin = Coin(currency);
        var account = EvmAddress.Parse(address);
        var difference = TokenUnits.ToUnits(target) - await coin.BalanceOfAsync(account, ct);
        if (difference > 0)
        {
            await coin.MintAsync(account, difference, ct);
        }
        else if (difference < 0)
        {
            await coin.BurnAsync(account, -difference, ct);
        }
    }

    public Task ProvisioningAsync(Tenant tenant, CancellationToken ct) => SetStartingBalancesAsync(tenant, ct);

    public Task ResettingAsync(Tenant tenant, CancellationToken ct) => SetStartingBalancesAsync(tenant, ct);

    private async Task SetStartingBalancesAsync(Tenant tenant, CancellationToken ct)
    {
        await SetBalanceAsync(tenant.SettlementAddress, Currency.USDC, BalanceStore.InitialUsdc, ct);
        await SetBalanceAsync(tenant.SettlementAddress, Currency.USDT, 0m, ct);
    }
}
