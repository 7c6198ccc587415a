using System.Collections.Concurrent;
using System.Globalization;
using FloSandbox.Platform.Errors;
using Microsoft.Extensions.Options;

namespace FloSandbox.Platform.RateLimiting;

/// Per-key fixed one-second windows on real time. Every response carries
/// `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds at which the
/// window resets); over the limit the request gets 429 `rate_limited` with `Retry-After`.
/// Requests without a key are limited per client address.
public sealed class RateLimitMiddleware(RequestDelegate next, IOptionsMonitor<RateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.RequestsPerSecond;
        var partition = context.Request.Headers.Authorization.ToString();
        if (partition.Length == 0)
        {
            partition = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = nowMs / 1000;
        var window = _windows.GetOrAdd(partition, static _ => new Window());
        var count = window.Hit(second);

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (second + 1).ToString(CultureInfo.InvariantCulture);

        if (count <= limit)
        {
            return next(context);
        }

        var retryAfter = (int)Math.Max(1, Math.Ceiling(((second + 1) * 1000 - nowMs) / 1000.0));
        var keyHint = partition.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && partition.Length > 12
            ? $"key {Tenants.ApiKey.Hint(partition[7..].Trim())}" : "this client";
        return ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.RateLimited,
            $"Exceeded {limit} RPS on {keyHint}.",
            ("retry_after_seconds", retryAfter), ("limit_rps", limit), ("observed_rps", count)));
    }

    private sealed class Window
    {
        private long _second = -1;
        private int _count;

        public int Hit(long second)
        {
            lock (this)
            {
                if (second != _second)
                {
                    _second = second;
                    _count = 0;
                }
                return ++_count;
            }
        }
    }
}
