namespace FloSandbox.Platform.Errors;

/// The Problem-JSON envelope as documented in the OpenAPI document. Code-specific extension
/// fields (for example `required_usdc`) follow these members in the response.
public sealed record FloProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Instance,
    string RequestId,
    string Code,
    bool Retryable);

public static class FloProblemEndpointExtensions
{
    /// Declares the problem responses a route can return, so the OpenAPI document is true.
    public static TBuilder ProducesFloProblems<TBuilder>(this TBuilder builder, params FloErrorDefinition[] errors)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesPublicFloProblems([FloErrorCatalog.Unauthorized, .. errors]);

    /// The same for routes that need no key (no 401).
    public static TBuilder ProducesPublicFloProblems<TBuilder>(this TBuilder builder, params FloErrorDefinition[] errors)
        where TBuilder : IEndpointConventionBuilder
    {
        FloErrorDefinition[] always = [FloErrorCatalog.RateLimited, FloErrorCatalog.InvalidRequest];
        foreach (var status in errors.Concat(always).Select(e => e.Status).Distinct().Order())
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(FloProblem), [ProblemWriter.ContentType]));
        }
        return builder;
    }
}
