using FloSandbox.Core.Ledger;

namespace FloSandbox.Core.Tenants;

/// Writes a fresh tenant's starting state (for example its $1,000,000 of synthetic USDC), both when
/// the tenant is provisioned and after `POST /v1/sandbox/reset`.
public interface ITenantInitializer
{
    Task InitializeTenantAsync(LedgerSession ledger, Tenant tenant);
}
