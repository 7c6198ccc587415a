namespace FloSandbox.Flo.Platform.Pipeline;

/// `HEAD` runs the `GET` route with the same pipeline (key, limits, headers) and drops the body, as
/// RFC 9110 asks. It sits before routing, so routing matches the `GET` endpoint.
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
