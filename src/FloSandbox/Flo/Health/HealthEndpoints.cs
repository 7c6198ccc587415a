using FloSandbox.Core.Health;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Health;

public sealed record HealthStatus(string Status, IReadOnlyDictionary<string, string> Checks);

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");

        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live", new Dictionary<string, string>())))
            .WithName("Liveness").WithSummary("The process is up.");

        group.MapGet("/ready", async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> (IEnumerable<IReadinessCheck> checks, CancellationToken ct) =>
            {
                var results = new Dictionary<string, string>();
                foreach (var check in checks)
                {
                    results[check.Name] = await check.IsReadyAsync(ct) ? "ready" : "unavailable";
                }
                var ready = results.Values.All(v => v == "ready");
                return ready
                    ? TypedResults.Ok(new HealthStatus("ready", results))
                    : TypedResults.Json(new HealthStatus("unavailable", results), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Readiness").WithSummary("Every dependency (ledger, devchain) answers.")
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);

        return group;
    }
}
