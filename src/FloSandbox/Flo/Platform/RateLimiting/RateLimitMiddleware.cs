using System.Globalization;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Platform.RateLimiting;

/// Per-key fixed one-second windows on real time. Every response carries
/// `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds at which the
/// window resets); over the limit the request gets 429 `rate_limited` with `Retry-After`.
/// The window belongs to the key itself (however the `Authorization` header spells it); requests
/// without a well-formed key share their client address's window. Endpoints marked
/// `DisableRateLimiting` (health probes) report the window without counting against it.
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitWindows windows, IOptionsMonitor<RateLimitOptions> options, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.RequestsPerSecond;
        var partition = Partition(context, out var keyHint);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = nowMs / 1000;

        var counts = context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null;
        var count = counts ? windows.Hit(partition, second) : windows.Peek(partition, second);

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (second + 1).ToString(CultureInfo.InvariantCulture);

        if (count <= limit || !counts)
        {
            return next(context);
        }

        var retryAfter = (int)Math.Max(1, Math.Ceiling(((second + 1) * 1000 - nowMs) / 1000.0));
        return ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.RateLimited,
            $"Exceeded {limit} RPS on {keyHint}.",
            ("retry_after_seconds", retryAfter), ("limit_rps", limit), ("observed_rps", count)));
    }

    private static string Partition(HttpContext context, out string keyHint)
    {
        var shape = ApiKey.Classify(context.Request.Headers.Authorization.ToString(), out var key);
        if (shape is ApiKey.Shape.Test or ApiKey.Shape.Live)
        {
            keyHint = $"key {ApiKey.Hint(key)}";
            return "key:" + key;
        }
        keyHint = "this client";
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");
    }
}
