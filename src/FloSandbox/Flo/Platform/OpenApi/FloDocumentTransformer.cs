using FloSandbox.Flo.Platform.Pipeline;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// Document-wide parts: title and version, the fixed server URL, and the wire enums put in place of the
/// plain strings the models declare.
internal sealed class FloDocumentTransformer(IOptions<FloOpenApiOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        FloComponents.Ensure(document);
        document.Info = new OpenApiInfo
        {
            Title = "Flo API (FloSandbox)",
            Version = FloVersionMiddleware.DefaultFloVersion,
            Contact = new OpenApiContact { Name = "Flo API docs", Url = new Uri("https://docs.flo.finance") },
            Description = "The Flo API as the sandbox serves it. Every /v1 route needs `Authorization: Bearer sk_test_…`; every " +
                "non-2xx response is Problem-JSON whose `code` selects its schema.",
        };
        document.Servers = [new OpenApiServer { Url = options.Value.ServerUrl }];
        foreach (var (name, schema) in document.Components!.Schemas!)
        {
            if (schema is OpenApiSchema { Properties: { } properties } concrete)
            {
                UseWireEnums(document, name, properties);
                RequireObjectName(concrete);
            }
        }
        return Task.CompletedTask;
    }

    /// `object` ("mint", "list", …) is a get-only member, so the generator took it for optional and nullable;
    /// every resource carries it.
    private static void RequireObjectName(OpenApiSchema schema)
    {
        if (schema.Properties!.TryGetValue("object", out var member) && member is OpenApiSchema { Type: { } type } objectName
            && type.HasFlag(JsonSchemaType.String))
        {
            objectName.Type = JsonSchemaType.String;
            schema.Required ??= new HashSet<string>();
            schema.Required.Add("object");
        }
    }

    private static void UseWireEnums(OpenApiDocument document, string schemaName, IDictionary<string, IOpenApiSchema> properties)
    {
        foreach (var (property, schema) in properties.ToList())
        {
            if (WireEnums.ForProperty(schemaName, property) is not { } enumName || schema is not OpenApiSchema { Type: { } type }
                || !type.HasFlag(JsonSchemaType.String))
            {
                continue;
            }
            IOpenApiSchema reference = new OpenApiSchemaReference(enumName, document);
            properties[property] = type.HasFlag(JsonSchemaType.Null)
                ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] }
                : reference;
        }
    }
}
