using System.Globalization;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// Problem-JSON in the document: `FloProblem` holds the members every error has and is discriminated on
/// `code`; each catalog code has its own schema (`AssetNotFoundProblem`, …) that adds that code's
/// extension fields. Extension fields are optional: a few producers (framework rejections) omit them.
internal static class ProblemSchemas
{
    public const string Base = "FloProblem";
    public const string ContentType = ProblemWriter.ContentType;

    // Fields some bodies of a code carry beyond the catalog's list.
    private static readonly IReadOnlyDictionary<string, string[]> OccasionalFields = new Dictionary<string, string[]>
    {
        [FloErrorCatalog.InvalidRequest.Code] = ["valid_codes", "valid_events"],
    };

    public static string NameOf(FloErrorDefinition definition) =>
        string.Concat(definition.Code.Split('_').Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..])) + "Problem";

    public static IEnumerable<string> FieldsOf(FloErrorDefinition definition) =>
        definition.ExtensionFields.Concat(OccasionalFields.GetValueOrDefault(definition.Code) ?? []);

    public static void AddTo(OpenApiDocument document)
    {
        document.AddComponent<IOpenApiSchema>(Base, BaseSchema(document));
        foreach (var definition in FloErrorCatalog.All)
        {
            document.AddComponent<IOpenApiSchema>(NameOf(definition), CodeSchema(document, definition));
        }
    }

    public static IOpenApiSchema Reference(OpenApiDocument document, FloErrorDefinition definition) =>
        new OpenApiSchemaReference(NameOf(definition), document);

    /// The body of one status of one route: that code's schema when only one code can occur, else
    /// `FloProblem`, whose discriminator maps each code to its schema. (A `oneOf` per status would say the
    /// same, but code generators such as NSwag then type the response as its first member.)
    public static IOpenApiSchema ForStatus(OpenApiDocument document, StatusProblems problems) =>
        problems.All.Count() == 1 ? Reference(document, problems.All.Single()) : new OpenApiSchemaReference(Base, document);

    private static OpenApiSchema BaseSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Problem-JSON (RFC 9457) as every non-2xx response carries it; `code` selects the schema with its extension fields.",
        Required = new HashSet<string> { "type", "title", "status", "detail", "instance", "request_id", "code", "retryable" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "https://docs.flo.finance/errors/<code>" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong on this request, with its values." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request path." },
            ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Equals the X-Request-Id header." },
            ["code"] = new OpenApiSchemaReference(WireEnums.ErrorCode, document),
            ["retryable"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
        },
        Discriminator = new OpenApiDiscriminator
        {
            PropertyName = "code",
            Mapping = FloErrorCatalog.All.ToDictionary(d => d.Code, d => new OpenApiSchemaReference(NameOf(d), document)),
        },
    };

    private static OpenApiSchema CodeSchema(OpenApiDocument document, FloErrorDefinition definition)
    {
        var own = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = FieldsOf(definition).ToDictionary(f => f, f => (IOpenApiSchema)ProblemExtensionFields.Schemas[f]()),
        };
        return new OpenApiSchema
        {
            Description = $"`{definition.Code}` ({definition.Status}, {(definition.Retryable ? "retryable" : "not retryable")}): {definition.Title}.",
            AllOf = [new OpenApiSchemaReference(Base, document), own],
        };
    }
}
