using FloSandbox.Core.Tenants;

namespace FloSandbox.Flo.Platform.Idempotency;

/// How to show an order that an idempotency key claimed but whose response was never stored (the client
/// hung up, the process died): the order as it stands now, as the API returns it.
public sealed record IdempotentResource(string Kind, Func<IServiceProvider, TenantContext, string, CancellationToken, Task<object>> Render)
{
    public static string Name(string kind, string id) => $"{kind}:{id}";
}

public static class IdempotentResourceRegistration
{
    public static IServiceCollection AddIdempotentResource(this IServiceCollection services, string kind,
        Func<IServiceProvider, TenantContext, string, CancellationToken, Task<object>> render) =>
        services.AddSingleton(new IdempotentResource(kind, render));
}
