using System.Text.Json;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Pipeline;

/// Turns everything that is not a 2xx into Problem-JSON: Flo errors thrown by features, framework
/// rejections (malformed JSON, binding failures, oversized bodies), empty 404/405 responses from
/// routing, and unhandled exceptions (500 internal_error, logged, never leaking internals).
public sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var error = ex switch
            {
                FloException flo => flo.Error,
                BadHttpRequestException bad => FromBadRequest(bad, context),
                JsonException json => JsonErrorDescriber.Describe(json),
                Devchain.DevchainUnavailableException down => FloErrors.ServiceUnavailable(down.Message),
                _ => null,
            };
            if (error is null)
            {
                LogUnhandled(logger, ex, context.Request.Method, context.Request.Path, context.TraceIdentifier);
                error = FloError.Of(FloErrorCatalog.InternalError, $"An unexpected error occurred. Quote {context.TraceIdentifier} when reporting it.");
            }
            await ProblemWriter.WriteAsync(context, error);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null)
        {
            await ProblemWriter.WriteAsync(context, ForBareStatus(context));
        }
    }

    private static FloError FromBadRequest(BadHttpRequestException bad, HttpContext context) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => FloError.Of(FloErrorCatalog.PayloadTooLarge, "The request body exceeds the size limit."),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(context),
        _ when bad.InnerException is JsonException json => JsonErrorDescriber.Describe(json),
        _ => JsonErrorDescriber.DescribeBinding(bad.Message),
    };

    private static FloError ForBareStatus(HttpContext context) => context.Response.StatusCode switch
    {
        404 => FloError.Of(FloErrorCatalog.RouteNotFound, $"No route matches {context.Request.Method} {context.Request.Path}.",
            ("method", context.Request.Method), ("path", context.Request.Path.Value)),
        405 => FloError.Of(FloErrorCatalog.MethodNotAllowed, $"{context.Request.Path} does not accept {context.Request.Method}.",
            ("method", context.Request.Method)),
        413 => FloError.Of(FloErrorCatalog.PayloadTooLarge),
        415 => UnsupportedMediaType(context),
        >= 500 => FloError.Of(FloErrorCatalog.InternalError),
        _ => FloError.Of(FloErrorCatalog.InvalidRequest, "The request could not be processed.", ("param", null)),
    };

    private static FloError UnsupportedMediaType(HttpContext context) =>
        FloError.Of(FloErrorCatalog.UnsupportedMediaType,
            $"Request bodies must be JSON (Content-Type: application/json); got '{context.Request.ContentType ?? "none"}'.",
            ("content_type", context.Request.ContentType));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} ({RequestId})")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string method, string path, string requestId);
}
