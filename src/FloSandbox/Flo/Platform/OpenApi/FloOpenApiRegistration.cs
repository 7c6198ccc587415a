using FloSandbox.Flo.Platform.OpenApi;

// In the Platform namespace, beside AddFloPlatform, so Program.cs needs no extra using.
namespace FloSandbox.Flo.Platform;

public static class FloOpenApiRegistration
{
    /// The OpenAPI document at /openapi/v1.json: the Flo conventions (Bearer keys, Problem-JSON per code,
    /// X-Flo-* headers, rate-limit headers, wire formats) applied to every route by transformers.
    public static IServiceCollection AddFloOpenApi(this IServiceCollection services)
    {
        services.AddOptions<FloOpenApiOptions>().BindConfiguration(FloOpenApiOptions.Section)
            .Validate(o => FloOpenApiOptions.IsValidServerUrl(o.ServerUrl),
                "OpenApi:ServerUrl must be a path starting with '/' or an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WireFormatSchemaTransformer>();
            options.AddOperationTransformer<FloOperationTransformer>();
            options.AddDocumentTransformer<FloDocumentTransformer>();
        });
        return services;
    }
}
