using FloSandbox.Flo.Platform.Clock;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Idempotency;
using FloSandbox.Flo.Platform.Pipeline;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// The request headers the platform reads and the response headers it writes, as reusable components.
internal static class FloHeaders
{
    public const string RequestId = "X-Request-Id";
    public const string RateLimitLimit = "X-RateLimit-Limit";
    public const string RateLimitRemaining = "X-RateLimit-Remaining";
    public const string RateLimitReset = "X-RateLimit-Reset";
    public const string FloVersion = "Flo-Version";
    public const string ClockNow = ClockMiddleware.NowHeader;
    public const string RetryAfter = "Retry-After";
    public const string Replayed = IdempotencyMiddleware.ReplayedHeader;
    public const string Injected = ErrorInjectionMiddleware.InjectedHeader;

    public const string IdempotencyKey = IdempotencyMiddleware.Header;
    public const string Clock = ClockHeader.Name;
    public const string Error = ErrorInjectionMiddleware.Header;

    public static void AddTo(OpenApiDocument document)
    {
        Parameter(document, FloVersion, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{4}-\d{2}-\d{2}$" },
            $"The API version (YYYY-MM-DD), echoed in the response; default {FloVersionMiddleware.DefaultFloVersion}. Not an ISO date: 400.");
        Parameter(document, Clock, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^(\+\d+[smhd]|\d{4}-\d{2}-\d{2}T.+)$" },
            "Sandbox-only: moves this tenant's clock forward before the request runs (`+30s`, `+5m`, `+2h`, `+7d`, or a future " +
            "ISO-8601 instant; at most 30 days per request), running whatever fell due first.");
        Parameter(document, IdempotencyKey, new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 128 },
            "Makes the POST safe to retry for 24 h of the tenant clock: the same key and request replay the first response " +
            "(`Idempotent-Replayed: true`); the same key with another request is 409 `idempotency_mismatch`. 1–128 bytes of UTF-8.");
        Parameter(document, Error, new OpenApiSchemaReference(WireEnums.ErrorCode, document),
            "Sandbox-only: returns this code's documented status and full body instead of running the request; nothing changes.");

        Header(document, RequestId, Text(@"^req_"), "The request's id; equals `request_id` in a Problem-JSON body.");
        Header(document, RateLimitLimit, Integer(), "Requests allowed per one-second window for this key.");
        Header(document, RateLimitRemaining, Integer(), "Requests left in the current window.");
        Header(document, RateLimitReset, Integer(), "Unix time (seconds) at which the current window ends.");
        Header(document, FloVersion, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            "The API version the response follows (the requested Flo-Version, or the pinned default); absent on a 429.");
        Header(document, ClockNow, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            "Sandbox-only: the tenant's clock after the request (absent when the key was refused before the tenant was known).");
        Header(document, RetryAfter, Integer(), "Seconds to wait before retrying.");
        Header(document, Replayed, new OpenApiSchema { Type = JsonSchemaType.Boolean }, "`true` when this is a replay of an Idempotency-Key's first response.");
        Header(document, Injected, new OpenApiSchemaReference(WireEnums.ErrorCode, document),
            "Sandbox-only: the code, when X-Flo-Error produced this response.");
    }

    public static IOpenApiParameter ParameterRef(OpenApiDocument document, string name) => new OpenApiParameterReference(name, document);

    public static IOpenApiHeader HeaderRef(OpenApiDocument document, string name) => new OpenApiHeaderReference(name, document);

    private static void Parameter(OpenApiDocument document, string name, IOpenApiSchema schema, string description) =>
        document.AddComponent<IOpenApiParameter>(name, new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Schema = schema,
            Description = description,
        });

    private static void Header(OpenApiDocument document, string name, IOpenApiSchema schema, string description) =>
        document.AddComponent<IOpenApiHeader>(name, new OpenApiHeader { Schema = schema, Description = description });

    private static OpenApiSchema Text(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };

    private static OpenApiSchema Integer() => new() { Type = JsonSchemaType.Integer, Format = "int64" };
}
