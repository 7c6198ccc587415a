using FloSandbox.Flo.Platform.Auth;
using FloSandbox.Flo.Platform.Clock;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Idempotency;
using FloSandbox.Flo.Platform.Json;
using FloSandbox.Flo.Platform.Pipeline;
using FloSandbox.Flo.Platform.RateLimiting;

namespace FloSandbox.Flo.Platform;

public static class PlatformRegistration
{
    /// Flo's conventions: its JSON, its request pipeline's options and services.
    public static IServiceCollection AddFloPlatform(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => FloJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section)
            .Validate(o => o.MaxBodyBytes > 0, "Requests:MaxBodyBytes must be positive.").ValidateOnStart();
        services.AddSingleton<RateLimitWindows>();
        services.AddSingleton<IMarketFacts, MarketFacts>();
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
