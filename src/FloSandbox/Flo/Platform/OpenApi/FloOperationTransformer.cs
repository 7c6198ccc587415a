using System.Globalization;
using System.Text.Json.Nodes;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// Applies the conventions of the request pipeline to every operation: Bearer security and the X-Flo-*
/// request headers on /v1, every problem status the route can answer with, the response headers, and
/// the shapes of the shared query and path parameters.
internal sealed class FloOperationTransformer : IOpenApiOperationTransformer
{
    /// Lists, on each problem response, the codes that status can carry on this route.
    public const string CodesExtension = "x-flo-error-codes";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        FloComponents.Ensure(document);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var route = new RouteShape(
            description.HttpMethod ?? "GET",
            description.RelativePath ?? "",
            NeedsKey: !metadata.OfType<IAllowAnonymous>().Any(),
            RateLimited: !metadata.OfType<DisableRateLimitingAttribute>().Any(),
            // A handler parameter bound from the body (not a body the endpoint reads itself, as /rpc does).
            description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body && p.ParameterDescriptor is not null),
            [.. metadata.OfType<FloProblemsMetadata>().SelectMany(m => m.Errors)]);

        if (route.NeedsKey)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FloComponents.Bearer, document)] = [] }];
        }
        AddHeaderParameters(operation, document, route);
        AddFailAtParameter(operation, metadata.OfType<RouteFailsAt>().FirstOrDefault());
        ParameterShapes.Apply(operation, document);
        AllowBodyIdempotencyKey(operation, document, route);
        AddProblemResponses(operation, document, route);
        AddResponseHeaders(operation, document, route);
        return Task.CompletedTask;
    }

    private static void AddHeaderParameters(OpenApiOperation operation, OpenApiDocument document, RouteShape route)
    {
        operation.Parameters ??= [];
        var names = new List<string>();
        if (route.NeedsKey && route.IsPost)
        {
            names.Add(FloHeaders.IdempotencyKey);
        }
        if (route.NeedsKey)
        {
            names.Add(FloHeaders.Clock);
        }
        if (route.AcceptsInjection)
        {
            names.Add(FloHeaders.Error);
        }
        names.Add(FloHeaders.FloVersion);
        foreach (var name in names)
        {
            operation.Parameters.Add(FloHeaders.ParameterRef(document, name));
        }
    }

    /// The route's own `X-Flo-Fail-At` values: inline, since each route accepts different ones.
    private static void AddFailAtParameter(OpenApiOperation operation, RouteFailsAt? failsAt)
    {
        if (failsAt is null)
        {
            return;
        }
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = RouteFailsAt.Header,
            In = ParameterLocation.Header,
            Required = false,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = failsAt.Pattern },
            Description = failsAt.Description,
        });
    }

    /// A POST may carry its key as a top-level `idempotency_key` in the body instead of the header.
    private static void AllowBodyIdempotencyKey(OpenApiOperation operation, OpenApiDocument document, RouteShape route)
    {
        if (!route.NeedsKey || !route.IsPost || operation.RequestBody?.Content is not { } content)
        {
            return;
        }
        foreach (var media in content.Values)
        {
            if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id }
                && document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var target)
                && target is OpenApiSchema { Properties: { } properties })
            {
                properties.TryAdd("idempotency_key", new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = 128,
                    Description = "The Idempotency-Key, sent in the body instead of the header (both must agree when both are sent).",
                });
            }
        }
    }

    private static void AddProblemResponses(OpenApiOperation operation, OpenApiDocument document, RouteShape route)
    {
        operation.Responses ??= [];
        foreach (var problems in RouteProblems.For(route))
        {
            var key = problems.Status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                // The route documents its own body for this status (e.g. readiness' 503).
                continue;
            }
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(problems),
                Extensions = new Dictionary<string, IOpenApiExtension>
                {
                    [CodesExtension] = new JsonNodeExtension(new JsonArray([.. problems.All.Select(d => (JsonNode)d.Code)])),
                },
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemSchemas.ContentType] = new() { Schema = ProblemSchemas.ForStatus(document, problems) },
                },
            };
        }
    }

    private static string Describe(StatusProblems problems)
    {
        var text = problems.Codes.Count > 0 ? string.Join(", ", problems.Codes.Select(d => $"`{d.Code}`")) : "";
        if (problems.InjectedOnly.Count > 0)
        {
            var injected = string.Join(", ", problems.InjectedOnly.Select(d => $"`{d.Code}`"));
            text += text.Length > 0 ? $"; with X-Flo-Error also {injected}" : $"Only with X-Flo-Error: {injected}";
        }
        return text;
    }

    private static void AddResponseHeaders(OpenApiOperation operation, OpenApiDocument document, RouteShape route)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            List<string> names = [FloHeaders.RequestId, FloHeaders.RateLimitLimit, FloHeaders.RateLimitRemaining, FloHeaders.RateLimitReset, FloHeaders.FloVersion];
            if (route.NeedsKey)
            {
                names.Add(FloHeaders.ClockNow);
            }
            if (route.NeedsKey && route.IsPost && status[0] != '5')
            {
                names.Add(FloHeaders.Replayed);
            }
            if (status is "429" or "503")
            {
                names.Add(FloHeaders.RetryAfter);
            }
            if (route.AcceptsInjection && status[0] is '4' or '5')
            {
                names.Add(FloHeaders.Injected);
            }
            foreach (var name in names)
            {
                concrete.Headers[name] = FloHeaders.HeaderRef(document, name);
            }
        }
    }
}
