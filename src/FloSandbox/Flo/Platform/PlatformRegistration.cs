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

    /// Flo's request pipeline, in the documented order, for the requests Flo serves (<see cref="FloModule"/>).
    /// Routing runs first (after HEAD becomes GET), so every step knows the endpoint that will run.
    public static IApplicationBuilder UseFloPlatform(this IApplicationBuilder app)
    {
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseRouting();
        app.UseWhen(FloModule.Serves, flo =>
        {
            flo.UseMiddleware<RequestIdMiddleware>();
            flo.UseMiddleware<ProblemMiddleware>();
            flo.UseMiddleware<RateLimitMiddleware>();
            flo.UseMiddleware<FloVersionMiddleware>();
            flo.UseMiddleware<RequestBodyMiddleware>();
            flo.UseMiddleware<AuthenticationMiddleware>();
            flo.UseMiddleware<ClockMiddleware>();
            flo.UseMiddleware<ErrorInjectionMiddleware>();
            flo.UseMiddleware<IdempotencyMiddleware>();
        });
        return app;
    }
}
