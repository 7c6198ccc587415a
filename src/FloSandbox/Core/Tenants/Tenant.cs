namespace FloSandbox.Core.Tenants;

/// The tenant a request acts for, resolved from its key.
public sealed record Tenant(string Id, string SettlementAddress, TenantClock Clock, DateTimeOffset CreatedAt);

/// The authenticated caller: the tenant and the scope of the key used.
public sealed record TenantContext(Tenant Tenant, KeyScope Scope, string KeyHint)
{
    public string TenantId => Tenant.Id;
    public DateTimeOffset Now => Tenant.Clock.GetUtcNow();

    public static ValueTask<TenantContext?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Features.Get<TenantContext>());
}
