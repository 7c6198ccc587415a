using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pipeline;
using Microsoft.Extensions.Options;

namespace FloSandbox.Flo.Platform.Idempotency;

/// `Idempotency-Key` (or a top-level `idempotency_key` in the body) on a POST: the first response
/// below 500 is stored for 24 h of the tenant's clock and replayed verbatim, with
/// `Idempotent-Replayed: true`, to a retry with the same request; another request with the same key
/// gets 409 `idempotency_mismatch`. Concurrent requests with one key run one at a time, so the
/// operation executes once.
public sealed class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyStore store, KeyedLock locks, IEnumerable<IdempotentResource> resources, IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Features.Get<TenantContext>() is not { } caller)
        {
            await next(context);
            return;
        }

        var sent = context.Features.Get<RequestBody>() ?? new RequestBody([], IsJson: false);
        var body = sent.Bytes;
        var fromBody = sent.IsJson ? TakeBodyKey(ref body) : null;
        if (fromBody is not null)
        {
            // The key is transport, not payload: the endpoint binds (and the fingerprint covers) the body without it.
            context.Features.Set(new RequestBody(body, IsJson: true));
            context.Request.Body = new MemoryStream(body, writable: false);
            context.Request.ContentLength = body.Length;
        }
        var key = ResolveKey(context.Request.Headers.TryGetValue(Header, out var header) ? header.ToString() : null, fromBody);
        if (key is null)
        {
            await next(context);
            return;
        }

        var pathAndQuery = context.Request.Path.Value + context.Request.QueryString.Value;
        var fingerprint = RequestFingerprint.Compute(context.Request.Method, pathAndQuery, body, sent.IsJson);
        var ct = context.RequestAborted;
        using var held = await locks.AcquireAsync($"{caller.TenantId}\n{key}", ct);

        var stored = await store.FindAsync(caller.TenantId, key, caller.Now, ct);
        if (stored is not null)
        {
            await (stored.Fingerprint != fingerprint ? MismatchAsync(context, key, stored)
                : stored.IsClaim ? ReplayClaimAsync(context, caller, stored)
                : ReplayAsync(context, stored));
            return;
        }

        // An order the endpoint accepts claims the key in its own transaction (see IdempotencyClaim).
        var claim = new IdempotencyClaim(caller.TenantId, key, fingerprint, context.TraceIdentifier, caller.Now, options.Value.Ttl);
        context.Features.Set(claim);

        var original = context.Response.Body;
        using var capture = new MemoryStream();
        context.Response.Body = capture;
        try
        {
            try
            {
                await next(context);
            }
            catch (FloException ex)
            {
                await ProblemWriter.WriteAsync(context, ex.Error);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        // A client that hung up may have cut the response short: nothing is stored then, and its retry gets
        // the order its key claimed, as it stands (or runs again when nothing was accepted).
        var response = context.Response;
        if (response.StatusCode < 500 && !ct.IsCancellationRequested)
        {
            var captured = new IdempotencyStore.StoredResponse(fingerprint, context.TraceIdentifier, response.StatusCode,
                response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, capture.ToArray(),
                response.StatusCode < 300 ? claim.Resource : null);
            await store.SaveAsync(caller.TenantId, key, captured, caller.Now, options.Value.Ttl, ct);
        }
        capture.Position = 0;
        await capture.CopyToAsync(original, ct);
    }

    /// The key from the header (sent, even empty) or the body; null when neither carries one.
    private string? ResolveKey(string? header, string? fromBody)
    {
        if (header is not null && fromBody is not null && fromBody != header)
        {
            throw FloException.Invalid(Header, "The Idempotency-Key header and the body's idempotency_key differ; send one value.");
        }
        var key = header ?? fromBody;
        if (key is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(key))
        {
            throw FloException.Invalid(Header, $"Idempotency-Key is empty: send a key of 1–{options.Value.MaxKeyBytes} bytes, or leave the header out.");
        }
        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes > options.Value.MaxKeyBytes)
        {
            throw FloException.Invalid(Header,
                $"Idempotency-Key must be 1–{options.Value.MaxKeyBytes} bytes; this one is {bytes} bytes.");
        }
        return key;
    }

    /// Removes a top-level string `idempotency_key` from a JSON object body (already checked strictly) and returns it.
    private static string? TakeBodyKey(ref byte[] body)
    {
        if (body.AsSpan().IndexOf("\"idempotency_key\""u8) < 0
            || JsonNode.Parse(body) is not JsonObject root || root["idempotency_key"] is not JsonValue value
            || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        root.Remove("idempotency_key");
        body = JsonSerializer.SerializeToUtf8Bytes(root);
        return value.GetValue<string>();
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyStore.StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = (int)stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }
        // The replay is the first response, request id included, so it matches the body of a replayed error.
        response.Headers["X-Request-Id"] = stored.RequestId;
        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// The order the key claimed, as it stands now: its first response was never stored.
    private async Task ReplayClaimAsync(HttpContext context, TenantContext caller, IdempotencyStore.StoredResponse claimed)
    {
        var (kind, id) = claimed.Resource!.Split(':', 2) is [var k, var i] ? (k, i) : ("", "");
        var resource = resources.Single(r => r.Kind == kind);
        var view = await resource.Render(context.RequestServices, caller, id, context.RequestAborted);
        context.Response.Headers["X-Request-Id"] = claimed.RequestId;
        context.Response.Headers[ReplayedHeader] = "true";
        await TypedResults.Ok(view).ExecuteAsync(context);
    }

    private static Task MismatchAsync(HttpContext context, string key, IdempotencyStore.StoredResponse stored) =>
        ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.IdempotencyMismatch,
            $"Key '{key}' was first used with a different request (another path or body).",
            ("original_request_id", stored.RequestId), ("action", "Retry with a different Idempotency-Key.")));
}
