namespace FloSandbox.Flo.Platform.Errors;

/// The catalog codes an endpoint itself can answer with, beyond what the request pipeline adds on every
/// route; the OpenAPI document turns them into problem responses.
public sealed record FloProblemsMetadata(IReadOnlyList<FloErrorDefinition> Errors);

public static class FloProblemEndpointExtensions
{
    /// Declares the problem responses a route can return, so the OpenAPI document is true.
    public static TBuilder ProducesFloProblems<TBuilder>(this TBuilder builder, params FloErrorDefinition[] errors)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesPublicFloProblems([FloErrorCatalog.Unauthorized, .. errors]);

    /// The same for routes that need no key (no 401).
    public static TBuilder ProducesPublicFloProblems<TBuilder>(this TBuilder builder, params FloErrorDefinition[] errors)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FloProblemsMetadata(errors));
}
