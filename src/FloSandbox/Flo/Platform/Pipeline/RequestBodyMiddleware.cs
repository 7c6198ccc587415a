using System.Net.Http.Headers;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Json;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Platform.Pipeline;

/// Reads a request body once, within the size limit, checks a JSON body with <see cref="StrictJson"/>,
/// and keeps it: idempotency fingerprints it, error injection reads values from it, and the endpoint binds it.
public sealed class RequestBodyMiddleware(RequestDelegate next, IOptions<RequestOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        var max = options.Value.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            await ProblemWriter.WriteAsync(context, TooLarge(max));
            return;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 256);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                await ProblemWriter.WriteAsync(context, TooLarge(max));
                return;
            }
            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var json = body.Length > 0 && IsJson(request.ContentType);
        if (json)
        {
            StrictJson.Validate(body);
        }
        context.Features.Set(new RequestBody(body, json));
        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        await next(context);
    }

    /// `application/json` or any `+json` type; other types reach the endpoint, which refuses them with 415.
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static FloError TooLarge(int max) =>
        FloError.Of(FloErrorCatalog.PayloadTooLarge, $"The request body exceeds the {max}-byte limit.", ("max_bytes", max));
}

/// The buffered request body. <paramref name="IsJson"/>: declared JSON and checked by <see cref="StrictJson"/>,
/// so it parses, and every string in it reads; nothing parses a body that is not.
public sealed record RequestBody(byte[] Bytes, bool IsJson);
