using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.Authorization;

namespace FloSandbox.Flo.Platform.Auth;

/// Resolves `Authorization: Bearer sk_test_…` to a tenant. Every endpoint needs a key unless it is
/// marked `AllowAnonymous` (health, OpenAPI, `/rpc`), so the decision follows the endpoint routing chose,
/// whatever the casing or encoding of the path; a request that matched no endpoint needs one under
/// `/v1`. Missing or malformed keys get 401 `unauthorized`, live keys 403 `key_lacks_live_scope`, and
/// read-scoped keys 403 `forbidden` on anything but GET/HEAD.
public sealed class AuthenticationMiddleware(RequestDelegate next, TenantRegistry tenants)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!RequiresKey(context))
        {
            await next(context);
            return;
        }

        var shape = ApiKey.Classify(context.Request.Headers.Authorization.ToString(), out var key);
        FloError? rejection = shape switch
        {
            ApiKey.Shape.Missing => FloError.Of(FloErrorCatalog.Unauthorized, "No API key: send 'Authorization: Bearer sk_test_…'."),
            ApiKey.Shape.Malformed => FloError.Of(FloErrorCatalog.Unauthorized,
                $"Malformed API key: expected 'Bearer sk_test_' followed by {ApiKey.MinSecretLength}–{ApiKey.MaxSecretLength} letters, digits or underscores."),
            ApiKey.Shape.Live => FloError.Of(FloErrorCatalog.KeyLacksLiveScope,
                "This is the sandbox: sk_live_ keys only work against api.flo.finance. Use an sk_test_ key."),
            _ => null,
        };
        if (rejection is not null)
        {
            await ProblemWriter.WriteAsync(context, rejection);
            return;
        }

        var caller = await tenants.ResolveAsync(key);
        var method = context.Request.Method;
        if (caller.Scope == KeyScope.Read && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            await ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.Forbidden,
                $"Key {caller.KeyHint} has the 'read' scope; {method} needs a 'full' key.",
                ("key_scope", "read"), ("required_scope", "full")));
            return;
        }

        context.Features.Set(caller);
        await next(context);
    }

    /// Route endpoints need a key unless marked anonymous. Without one (no route matched, or routing's own
    /// 405 answer) the path decides, compared the way routing compares it: case-insensitively.
    private static bool RequiresKey(HttpContext context) => context.GetEndpoint() is RouteEndpoint endpoint
        ? endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        : context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase);
}
