using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// The components every operation refers to: the Bearer scheme, the wire enums, the problem schemas and
/// the shared headers. Added once per document, before the first operation refers to them.
internal static class FloComponents
{
    public const string Bearer = "bearer";

    public static void Ensure(OpenApiDocument document)
    {
        if (document.Components?.SecuritySchemes?.ContainsKey(Bearer) == true)
        {
            return;
        }
        document.AddComponent<IOpenApiSecurityScheme>(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sk_test_…",
            Description = "`Authorization: Bearer sk_test_…`. Any well-formed test key provisions a fresh tenant on first use; " +
                "`sk_live_` keys are refused (403 `key_lacks_live_scope`).",
        });
        foreach (var (name, description, values) in WireEnums.All())
        {
            document.AddComponent<IOpenApiSchema>(name, WireEnums.Schema(description, values));
        }
        ProblemSchemas.AddTo(document);
        FloHeaders.AddTo(document);
    }
}
