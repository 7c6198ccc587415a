using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Webhooks;

/// Signs and POSTs one attempt. Any 2xx succeeds; another status, a connection failure or no complete
/// answer within <see cref="WebhookOptions.AttemptTimeout"/> fails. The signature timestamp is real
/// time (not the tenant clock): receivers compare it with their own server clock.
public sealed class AttemptSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "FloSandbox.Webhooks";

    public sealed record Outgoing(string Url, string Secret, string Payload, string DeliveryId, string EventType, string WebhookId);

    public sealed record Outcome(long RealStartMs, string RequestHeaders, int? Status, string? ResponseBody, long LatencyMs, string? Error, bool Succeeded);

    public async Task<Outcome> SendAsync(Outgoing o, CancellationToken ct)
    {
        var settings = options.Value;
        var body = Encoding.UTF8.GetBytes(o.Payload);
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var headers = new (string Name, string Value)[]
        {
            ("Content-Type", "application/json"),
            ("User-Agent", settings.UserAgent),
            ("X-Flo-Signature", WebhookSignature.Compute(o.Secret, timestamp, body)),
            ("X-Flo-Signature-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-Flo-Delivery-Id", o.DeliveryId),
            ("X-Flo-Event", o.EventType),
            ("X-Flo-Webhook-Id", o.WebhookId),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers.Skip(1))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = new CancellationTokenSource(settings.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var started = time.GetTimestamp();
        int? status = null;
        string? responseBody = null;
        string? error = null;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            status = (int)response.StatusCode;
            responseBody = await ReadPrefixAsync(response, settings.MaxResponseBodyBytes, linked.Token);
            if (status is < 200 or > 299)
            {
                error = $"Receiver answered HTTP {status}; only 2xx counts as delivered.";
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No complete answer within {settings.AttemptTimeout.TotalSeconds:0.###} s (timeout).";
        }
        catch (HttpRequestException ex)
        {
            error = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{ex.Message} ({inner.Message})" : ex.Message;
        }
        var latency = (long)time.GetElapsedTime(started).TotalMilliseconds;
        return new Outcome(now.ToUnixTimeMilliseconds(), HeadersJson(headers), status, responseBody, latency, error, error is null);
    }

    /// The first <paramref name="max"/> bytes of the answer; none (null) unless the operator asked for them.
    private static async Task<string?> ReadPrefixAsync(HttpResponseMessage response, int max, CancellationToken ct)
    {
        if (max == 0)
        {
            return null;
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[max];
        var total = 0;
        int read;
        while (total < max && (read = await stream.ReadAsync(buffer.AsMemory(total, max - total), ct)) > 0)
        {
            total += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static string HeadersJson((string Name, string Value)[] headers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in headers)
            {
                json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
