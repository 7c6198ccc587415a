namespace FloSandbox.Flo.Platform;

/// What belongs to the Flo API in a process that may serve other APIs beside it: the endpoints mapped
/// through <see cref="MapFlo"/> carry its marker, and only requests to them (or to no endpoint at all)
/// go through Flo's pipeline: Bearer keys, rate limits, Problem-JSON, `X-Flo-*` headers, idempotency.
public static class FloModule
{
    private sealed class Marker;

    private static readonly Marker Instance = new();

    /// A route group whose endpoints are Flo's.
    public static RouteGroupBuilder MapFlo(this IEndpointRouteBuilder routes) => routes.MapGroup("").WithMetadata(Instance);

    /// True for a request to a Flo endpoint, or to none (Flo answers what no module routes: 404, 405).
    public static bool Serves(HttpContext context) =>
        context.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<Marker>() is not null;
}
