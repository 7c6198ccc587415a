using System.Text.RegularExpressions;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.ErrorInjection;

/// Endpoint metadata: the route reads `X-Flo-Fail-At` (sandbox-only), which makes a later step of the order it
/// accepts fail for real; <paramref name="Pattern"/> is what the header accepts, for the OpenAPI document and the
/// check, and <paramref name="Expected"/> says it in words for the 400 that refuses anything else.
public sealed record RouteFailsAt(string Pattern, string Description, string Expected)
{
    public const string Header = "X-Flo-Fail-At";

    /// The header's value on <paramref name="request"/>; null when it is absent or empty.
    public static string? Of(HttpRequest request) => request.Headers[Header].ToString() is { Length: > 0 } value ? value : null;

    /// <paramref name="value"/> when it matches <see cref="Pattern"/> (null stays null); otherwise a 400 naming the header.
    public Match? Check(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var match = Regex.Match(value, Pattern, RegexOptions.CultureInvariant);
        return match.Success ? match : throw FloException.Invalid(Header, $"{Header} must be {Expected}; got '{value}'.");
    }
}
