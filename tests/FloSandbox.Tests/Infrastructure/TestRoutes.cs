using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FloSandbox.Tests.Infrastructure;

/// Paths that exist only in the test host, behind the whole platform pipeline, to provoke what no
/// real route does on demand: an unhandled exception, and a POST that fails with a 500 once per key.
public sealed class TestRoutes : IStartupFilter
{
    public const string Throw = "/v1/__test/throw";
    public const string FlakyOnce = "/v1/__test/flaky";

    private readonly ConcurrentDictionary<string, int> _calls = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value;
            if (path == Throw)
            {
                throw new InvalidOperationException("boom: secret internals");
            }
            if (path == FlakyOnce)
            {
                var key = context.Request.Headers["Idempotency-Key"].ToString();
                var calls = _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
                if (calls == 1)
                {
                    throw new InvalidOperationException("transient failure");
                }
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($"{{\"calls\":{calls}}}");
                return;
            }
            context.Response.StatusCode = 404;
        });
    };
}
