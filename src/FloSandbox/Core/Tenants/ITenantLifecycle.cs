namespace FloSandbox.Core.Tenants;

/// State a tenant has outside the ledger (its wallet on the devchain). Both calls set that state to a
/// fresh tenant's, idempotently, and run before the ledger records the change, so a failure leaves
/// the ledger untouched and a retry converges.
public interface ITenantLifecycle
{
    Task ProvisioningAsync(Tenant tenant, CancellationToken ct);

    Task ResettingAsync(Tenant tenant, CancellationToken ct);
}
