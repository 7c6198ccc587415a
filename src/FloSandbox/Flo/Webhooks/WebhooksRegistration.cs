using FloSandbox.Core.Ledger;
using FloSandbox.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

public static class WebhooksRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddHttpClient(AttemptSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // A proxy would make the connection (and so the address check) go to the proxy, not the target.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
                ConnectTimeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
        services.AddSingleton<ILedgerSchema, WebhooksSchema>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<SubscriptionStore>());
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliveryClaimer>();
        services.AddSingleton<SubscriptionLanes>();
        services.AddSingleton<AttemptSender>();
        services.TryAddSingleton<IWebhookHostResolver, SystemWebhookHostResolver>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<IDueWork, WebhookDueWork>();
        return services;
    }
}
