using System.Text.Json;
using System.Text.RegularExpressions;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Json;

namespace FloSandbox.Flo.Platform.Pipeline;

/// Rewrites System.Text.Json and binding failures as precise `invalid_request` details that name the
/// field, without exposing .NET type names.
public static partial class JsonErrorDescriber
{
    public static FloError Describe(JsonException ex)
    {
        var param = ParamFromPath(ex.Path);
        var message = ex.Message;
        if (ex is InvalidValueException invalid)
        {
            return FloError.Invalid(param ?? "body", $"Field '{param ?? "body"}' {invalid.Reason}.");
        }
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            var field = param is null ? unknown.Groups[1].Value : param;
            return FloError.Invalid(field, $"Unknown field '{field}'.");
        }
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var fields = missing.Groups[1].Value.Replace("'", "");
            var prefix = param is null ? "" : param + ".";
            return FloError.Invalid(prefix + fields.Split(',')[0].Trim(), $"Missing required field(s): {string.Join(", ", fields.Split(',').Select(f => prefix + f.Trim()))}.");
        }
        if (NullNotAllowed().Match(message) is { Success: true } nulled)
        {
            var field = param ?? nulled.Groups[1].Value;
            return FloError.Invalid(field, $"Field '{field}' must not be null.");
        }
        if (CouldNotConvert().Match(message) is { Success: true } convert)
        {
            var expected = DescribeType(convert.Groups[1].Value.TrimEnd('.'));
            return param is null
                ? FloError.Invalid("body", $"The request body must be a JSON {expected}.")
                : FloError.Invalid(param, $"Field '{param}' must be {expected}.");
        }
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine ?? 0})" : "";
        var reason = message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return FloError.Invalid(param ?? "body", $"Malformed JSON{where}: {reason}.");
    }

    public static FloError DescribeBinding(string message)
    {
        if (RequiredBody().IsMatch(message))
        {
            return FloError.Invalid("body", "A JSON request body is required.");
        }
        if (FailedToBind().Match(message) is { Success: true } m)
        {
            return FloError.Invalid(m.Groups[2].Value, $"Parameter '{m.Groups[2].Value}' has an invalid value '{m.Groups[3].Value}'.");
        }
        if (RequiredParameter().Match(message) is { Success: true } r)
        {
            return FloError.Invalid(r.Groups[2].Value, $"Parameter '{r.Groups[2].Value}' is required.");
        }
        return FloError.Invalid("body", "The request could not be read.");
    }

    private static string? ParamFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return p.Replace("['", ".").Replace("']", "").TrimStart('.');
    }

    private static string DescribeType(string clrType) => clrType switch
    {
        "System.Decimal" or "System.Int32" or "System.Int64" or "System.Double" => "a number",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        _ when clrType.Contains("[]", StringComparison.Ordinal) || clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.StartsWith("FloSandbox.", StringComparison.Ordinal) && clrType.Contains("Currency", StringComparison.Ordinal) => "one of the documented string values",
        _ when clrType.StartsWith("FloSandbox.", StringComparison.Ordinal) => "a JSON object or one of the documented values",
        _ => "a value of another type",
    };

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: (.*)\.")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"parameter '([^']*)'.*doesn't allow null values|property '([^']*)'.*doesn't allow null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"could not be converted to ([\w\.\[\]`]+)")]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex(@"Implicit body inferred|was not provided from body|Required parameter "".* body""")]
    private static partial Regex RequiredBody();

    [GeneratedRegex(@"Failed to bind parameter ""(\S+) (\w+)"" from ""(.*)""")]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"Required parameter ""(\S+) (\w+)"" was not provided")]
    private static partial Regex RequiredParameter();
}
