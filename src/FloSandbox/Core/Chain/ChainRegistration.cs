using FloSandbox.Core.Health;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Tenants;
using FloSandbox.Devchain;

namespace FloSandbox.Core.Chain;

public static class ChainRegistration
{
    /// The devchains, tenants' wallets on them, the deployment registry and the reconciler; the chains
    /// start before the server listens and stop after it (<see cref="DevchainLifecycle"/>). Chain state
    /// lives beside the ledger (`<data dir>/chains`) unless the ledger is in memory or
    /// `Devchain:StateDirectory` says otherwise.
    public static IServiceCollection AddChain(this IServiceCollection services, IConfiguration configuration)
    {
        // The ledger is the truth and start-up repairs the chain from it, so chain state need not be
        // dumped often: a full dump stalls the node, and every few seconds that shows in mint latency.
        services.AddOptions<DevchainOptions>().Configure(o => o.StateInterval = TimeSpan.FromSeconds(60))
            .BindConfiguration(DevchainOptions.SectionName)
            .PostConfigure<Microsoft.Extensions.Options.IOptions<LedgerOptions>>((o, ledger) =>
            {
                if (string.IsNullOrEmpty(o.StateDirectory) && !ledger.Value.InMemory)
                {
                    o.StateDirectory = Path.Combine(Path.GetFullPath(ledger.Value.DataDirectory), "chains");
                }
            })
            .Validate(o => o.StartupTimeout > TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero && o.StateInterval >= TimeSpan.FromSeconds(1),
                "Devchain timeouts must be positive and StateInterval at least one second.")
            .Validate(o => o.RpcUrls.Keys.All(k => DevchainChain.TryGet(k, out _)), "Devchain:RpcUrls keys must be base, arbitrum or ethereum.")
            .ValidateOnStart();
        services.AddSingleton<DevchainHost>();
        services.AddHostedService<DevchainLifecycle>();
        services.AddSingleton<TenantWallets>();
        services.AddSingleton<ITenantLifecycle>(sp => sp.GetRequiredService<TenantWallets>());
        services.AddSingleton<DeploymentRegistry>();
        services.AddSingleton<ChainReconciler>();
        foreach (var chain in DevchainChain.All)
        {
            services.AddSingleton<IReadinessCheck>(sp => new DevchainReadiness(sp.GetRequiredService<DevchainHost>(), chain.Name));
        }
        return services;
    }
}
