using System.Text.Json;
using FloSandbox.Flo.Platform.Json;

namespace FloSandbox.Flo.Platform.Errors;

/// The one place a Flo error becomes an `application/problem+json` response.
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static byte[] Serialize(FloError error, string instance, string requestId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", error.Definition.TypeUri);
            json.WriteString("title", error.Definition.Title);
            json.WriteNumber("status", error.Status);
            json.WriteString("detail", error.Detail);
            json.WriteString("instance", instance);
            json.WriteString("request_id", requestId);
            json.WriteString("code", error.Code);
            json.WriteBoolean("retryable", error.Retryable);
            foreach (var (name, value) in error.Extensions)
            {
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object), FloJson.Options);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, FloError error)
    {
        var body = Serialize(error, context.Request.Path.Value ?? "/", context.TraceIdentifier);
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        if (error.Code == FloErrorCatalog.RateLimited.Code || error.Code == FloErrorCatalog.ServiceUnavailable.Code)
        {
            var retryAfter = error.Extensions.FirstOrDefault(e => e.Key == "retry_after_seconds").Value;
            if (retryAfter is not null)
            {
                response.Headers.RetryAfter = Convert.ToString(retryAfter, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
