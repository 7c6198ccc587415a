using System.Text.RegularExpressions;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Pipeline;

/// Echoes `Flo-Version`: the requested dated version, or the sandbox's pinned default when absent.
public sealed partial class FloVersionMiddleware(RequestDelegate next)
{
    public const string DefaultFloVersion = "2026-04-21";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var requested = context.Request.Headers["Flo-Version"].ToString();
        if (requested.Length > 0 && !IsIsoDate(requested))
        {
            headers["Flo-Version"] = DefaultFloVersion;
            return ProblemWriter.WriteAsync(context, FloError.Of(FloErrorCatalog.InvalidRequest,
                $"Flo-Version must be an ISO date (YYYY-MM-DD); got '{requested}'.", ("param", "Flo-Version")));
        }
        headers["Flo-Version"] = requested.Length > 0 ? requested : DefaultFloVersion;
        return next(context);
    }

    private static bool IsIsoDate(string value) =>
        IsoDate().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", out _);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();
}
