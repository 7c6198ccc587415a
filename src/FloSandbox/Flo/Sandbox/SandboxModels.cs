namespace FloSandbox.Flo.Sandbox;

public sealed record FaucetRequest(string Currency, decimal Amount);

public sealed record CreateKeyRequest(string Scope);

public sealed record BalancesView(string Usdc, string Usdt);

public sealed record ClockView(string Now, long OffsetSeconds);

public sealed record KeyView(string Scope, string Hint);

public sealed record TenantView(
    string Id,
    string SettlementAddress,
    BalancesView Balances,
    ClockView Clock,
    FloSandbox.Core.Market.MarketView Market,
    KeyView Key,
    string CreatedAt)
{
    public string Object => "sandbox_tenant";
}

public sealed record FaucetResponse(string Currency, string Amount, BalancesView Balances)
{
    public string Object => "faucet_credit";
}

public sealed record ResetResponse(TenantView Tenant)
{
    public string Object => "sandbox_reset";
}

public sealed record CreatedKey(string Key, string Scope, string Hint, string CreatedAt)
{
    public string Object => "api_key";
}
