namespace FloSandbox.Core.Ledger;

/// A feature's tables. Each feature owns its migrations; they are applied in order at start and
/// recorded in `schema_migrations`, so a restart only applies what is new.
public interface ILedgerSchema
{
    /// Unique name of the feature's schema, e.g. "tenants".
    string Name { get; }

    /// Ordered migrations; the index (1-based) is the version. Never edit a shipped one; append.
    IReadOnlyList<string> Migrations { get; }
}

/// A feature whose rows belong to tenants; `POST /v1/sandbox/reset` asks each to delete the tenant's rows.
public interface ITenantStateOwner
{
    Task ResetTenantAsync(LedgerSession ledger, string tenantId);
}
