using FloSandbox.Ledger;
using FloSandbox.Ledger.Balances;
using FloSandbox.Platform.Auth;
using FloSandbox.Platform.Clock;
using FloSandbox.Platform.ErrorInjection;
using FloSandbox.Platform.Idempotency;
using FloSandbox.Platform.Json;
using FloSandbox.Platform.Pipeline;
using FloSandbox.Platform.RateLimiting;
using FloSandbox.Tenants;

namespace FloSandbox.Platform;

public static class PlatformRegistration
{
    /// The ledger, tenants and the request pipeline's services.
    public static IServiceCollection AddFloPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o => FloJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section)
            .PostConfigure(o => o.DataDirectory = LedgerOptions.ResolveDataDirectory(configuration));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Ttl > TimeSpan.Zero && o.MaxKeyBytes > 0, "Idempotency:Ttl and MaxKeyBytes must be positive.").ValidateOnStart();
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section)
            .Validate(o => o.MaxBodyBytes > 0, "Requests:MaxBodyBytes must be positive.").ValidateOnStart();

        services.AddSingleton<ILedgerSchema, TenantsSchema>();
        services.AddSingleton<ILedgerSchema, BalancesSchema>();
        services.AddSingleton<ILedgerSchema, IdempotencySchema>();
        services.AddSingleton<LedgerDatabase>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantClockService>();
        services.AddSingleton<BalanceStore>();
        services.AddSingleton<ITenantInitializer>(sp => sp.GetRequiredService<BalanceStore>());
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<BalanceStore>());
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<IdempotencyStore>());
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<RateLimitWindows>();
        return services;
    }

    /// The request pipeline, in the documented order. Routing runs first (after HEAD becomes GET), so
    /// every step after it knows the endpoint that will run.
    public static IApplicationBuilder UseFloPlatform(this IApplicationBuilder app)
    {
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseRouting();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FloVersionMiddleware>();
        app.UseMiddleware<RequestBodyMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseMiddleware<ClockMiddleware>();
        app.UseMiddleware<ErrorInjectionMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
