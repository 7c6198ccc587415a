using System.Text.Json;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pipeline;
using FloSandbox.Flo.Platform.RateLimiting;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Platform.ErrorInjection;

/// `X-Flo-Error: <code>` on a mutating request returns that code's documented status and full body
/// and changes nothing (the endpoint does not run, nothing is cached for idempotency), unless the route
/// runs that code for real (<see cref="RouteRunsInjectedError"/>). GET requests ignore the header. An
/// unknown code is a 400 that lists the valid ones.
public sealed class ErrorInjectionMiddleware(
    RequestDelegate next, BalanceStore balances, IMarketFacts market, IOptionsMonitor<RateLimitOptions> rateLimit)
{
    public const string Header = "X-Flo-Error";
    public const string InjectedHeader = "X-Flo-Error-Injected";

    public async Task InvokeAsync(HttpContext context)
    {
        var code = context.Request.Headers[Header].ToString().Trim();
        var method = context.Request.Method;
        if (code.Length == 0 || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.Features.Get<TenantContext>() is not { } caller || !EndpointMatches(context))
        {
            await next(context);
            return;
        }

        if (!FloErrorCatalog.TryGet(code, out var definition))
        {
            var valid = FloErrorCatalog.All.Select(d => d.Code).ToArray();
            await ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.InvalidRequest,
                $"X-Flo-Error '{code}' is not a known error code. Valid codes: {string.Join(", ", valid)}.",
                ("param", Header), ("valid_codes", valid)));
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<RouteRunsInjectedError>().Any(r => r.Code == definition.Code) == true)
        {
            context.Response.Headers[InjectedHeader] = definition.Code;
            await next(context);
            return;
        }

        var available = definition == FloErrorCatalog.InsufficientFunds
            ? (await balances.GetAsync(caller.TenantId, context.RequestAborted))[Currency.USDC] : 0m;
        var injection = new InjectionContext(
            ParseBody(context), (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/",
            context.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null,
            context.Connection.RemoteIpAddress?.ToString(), available, rateLimit.CurrentValue.RequestsPerSecond, caller.Now,
            ticker => market.Lookup(ticker, caller.Now), market.NextSessionAfter);
        context.Response.Headers[InjectedHeader] = definition.Code;
        await ProblemWriter.WriteAsync(context, InjectedErrors.Build(definition, injection));
    }

    /// Only routes that exist inject; unknown paths and wrong methods keep their 404/405.
    private static bool EndpointMatches(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
        && methods.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase);

    private static JsonElement? ParseBody(HttpContext context)
    {
        if (context.Features.Get<RequestBody>() is not { IsJson: true } body)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(body.Bytes);
        return doc.RootElement.Clone();
    }
}
