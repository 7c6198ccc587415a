using FloSandbox.Core.Chain;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Market;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Sandbox;

/// Reset, faucet and the tenant view: the sandbox's own controls. The chain moves first, then the ledger,
/// so a dead devchain (503) leaves the ledger unchanged.
public sealed class SandboxService(
    LedgerDatabase db, TenantRegistry tenants, BalanceStore balances, IEnumerable<ITenantStateOwner> owners,
    IEnumerable<ITenantLifecycle> lifecycles, TenantWallets wallets, MarketHours hours, TenantGate gate)
{
    public const decimal MaxFaucetAmount = 100_000_000m;

    public async Task<TenantView> DescribeAsync(TenantContext caller, CancellationToken ct) =>
        View(caller, await balances.GetAsync(caller.TenantId, ct));

    /// Wipes every row the tenant owns and writes a fresh tenant's starting state, in one transaction.
    public async Task<TenantView> ResetAsync(TenantContext caller, CancellationToken ct)
    {
        // No settlement step runs across a reset: in-flight steps finish first, later ones find nothing.
        using var alone = await gate.EnterExclusiveAsync(caller.TenantId, ct);
        foreach (var lifecycle in lifecycles)
        {
            await lifecycle.ResettingAsync(caller.Tenant, ct);
        }
        await db.WriteAsync(async ledger =>
        {
            foreach (var owner in owners)
            {
                await owner.ResetTenantAsync(ledger, caller.TenantId);
            }
            await tenants.ReinitializeAsync(ledger, caller.Tenant);
        }, ct);
        caller.Tenant.Clock.SetOffset(TimeSpan.Zero);
        return await DescribeAsync(caller, ct);
    }

    public async Task<FaucetResponse> FaucetAsync(TenantContext caller, FaucetRequest request, CancellationToken ct)
    {
        if (!Currencies.TryParse(request.Currency, out var currency))
        {
            throw FloException.Invalid("currency", $"currency must be \"USDC\" or \"USDT\"; got \"{request.Currency}\".");
        }
        if (request.Amount <= 0 || request.Amount > MaxFaucetAmount)
        {
            throw FloException.Invalid("amount", $"amount must be greater than 0 and at most {MaxFaucetAmount:0}; got {request.Amount}.");
        }
        if (Money.SignificantDecimalPlaces(request.Amount) > 6)
        {
            throw FloException.Invalid("amount", $"amount has more than 6 decimal places: {request.Amount}.");
        }
        await wallets.CreditAsync(caller.Tenant.SettlementAddress, currency, request.Amount, ct);
        var after = await db.WriteAsync(async ledger =>
        {
            await BalanceStore.CreditAsync(ledger, caller.TenantId, currency, request.Amount);
            return await BalanceStore.GetAsync(ledger, caller.TenantId);
        }, ct);
        return new FaucetResponse(currency.ToString(), Money.Usd(request.Amount), ViewOf(after));
    }

    public async Task<CreatedKey> CreateKeyAsync(TenantContext caller, CreateKeyRequest request, CancellationToken ct)
    {
        var scope = request.Scope switch
        {
            "read" => KeyScope.Read,
            "full" => KeyScope.Full,
            _ => throw FloException.Invalid("scope", $"scope must be \"read\" or \"full\"; got \"{request.Scope}\"."),
        };
        var key = await tenants.CreateKeyAsync(caller.Tenant, scope, ct);
        return new CreatedKey(key, request.Scope, ApiKey.Hint(key), TenantClockService.Format(caller.Now));
    }

    private TenantView View(TenantContext caller, IReadOnlyDictionary<Currency, decimal> balances) => new(
        caller.TenantId,
        caller.Tenant.SettlementAddress,
        ViewOf(balances),
        new ClockView(TenantClockService.Format(caller.Now), (long)caller.Tenant.Clock.Offset.TotalSeconds),
        MarketView.At(hours, caller.Now),
        new KeyView(caller.Scope.ToString().ToLowerInvariant(), caller.KeyHint),
        TenantClockService.Format(caller.Tenant.CreatedAt));

    private static BalancesView ViewOf(IReadOnlyDictionary<Currency, decimal> balances) =>
        new(Money.Usd(balances[Currency.USDC]), Money.Usd(balances[Currency.USDT]));
}
