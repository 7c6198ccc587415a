using FloSandbox.Flo.Platform.Errors;
using static FloSandbox.Flo.Platform.Errors.FloErrorCatalog;

namespace FloSandbox.Flo.Platform.OpenApi;

/// What one route can answer with besides its success: derived from the pipeline every request passes
/// (which middleware applies to which routes), plus the codes the endpoint itself declares, plus on
/// mutating /v1 routes every catalog code, since X-Flo-Error can inject any of them.
/// <paramref name="NeedsKey"/> and <paramref name="RateLimited"/> come from the endpoint's metadata, which
/// is what the authentication and rate-limit middleware read.
internal sealed record RouteShape(string Method, string Path, bool NeedsKey, bool RateLimited, bool BindsJsonBody,
    IReadOnlyList<FloErrorDefinition> Declared)
{
    public bool IsRead => HttpMethods.IsGet(Method) || HttpMethods.IsHead(Method);
    public bool IsPost => HttpMethods.IsPost(Method);
    public bool AcceptsInjection => NeedsKey && !IsRead && !HttpMethods.IsOptions(Method);
}

/// One status of a route: the codes it answers with for real, and those only X-Flo-Error produces there.
internal sealed record StatusProblems(int Status, IReadOnlyList<FloErrorDefinition> Codes, IReadOnlyList<FloErrorDefinition> InjectedOnly)
{
    public IEnumerable<FloErrorDefinition> All => Codes.Concat(InjectedOnly);
}

internal static class RouteProblems
{
    public static IReadOnlyList<StatusProblems> For(RouteShape route)
    {
        var real = new List<FloErrorDefinition>
        {
            InvalidRequest,   // Flo-Version that is not a date, on every route
            InternalError,    // an unexpected failure anywhere
        };
        if (route.RateLimited)
        {
            real.Add(RateLimited); // the request counts against its key (or address)
        }
        if (route.NeedsKey)
        {
            real.AddRange([Unauthorized, KeyLacksLiveScope, ServiceUnavailable]); // a new key provisions its tenant on chain
        }
        if (route.NeedsKey && !route.IsRead)
        {
            real.Add(Forbidden); // read-scoped keys may only GET
        }
        if (!route.IsRead)
        {
            real.Add(PayloadTooLarge); // every body is read within the size limit
        }
        if (route.BindsJsonBody)
        {
            real.Add(UnsupportedMediaType);
        }
        if (route.NeedsKey && route.IsPost)
        {
            real.Add(IdempotencyMismatch);
        }
        real.AddRange(route.Declared);

        var codes = real.Distinct().ToList();
        var injected = route.AcceptsInjection ? All.Except(codes).ToList() : [];
        return [.. codes.Concat(injected).Select(d => d.Status).Distinct().Order()
            .Select(status => new StatusProblems(status,
                [.. codes.Where(d => d.Status == status).OrderBy(d => d.Code, StringComparer.Ordinal)],
                [.. injected.Where(d => d.Status == status).OrderBy(d => d.Code, StringComparer.Ordinal)]))];
    }
}
