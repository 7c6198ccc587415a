using FloSandbox.Core.Ids;

namespace FloSandbox.Flo.Platform.Pipeline;

/// Gives every request its `req_…` id (the `X-Request-Id` header and the `request_id` of errors).
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.TraceIdentifier = FloIds.New("req");
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        return next(context);
    }
}
