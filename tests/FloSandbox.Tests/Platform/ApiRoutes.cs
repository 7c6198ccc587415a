using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

/// Every operation the OpenAPI document describes, with its path parameters filled in.
public sealed record ApiRoute(string Method, string Template)
{
    public string Path(Func<string, string>? value = null) =>
        System.Text.RegularExpressions.Regex.Replace(Template, @"\{([^}]+)\}", m => (value ?? Sample)(m.Groups[1].Value));

    private static string Sample(string parameter) => parameter switch
    {
        "ticker" or "token" => "AAPL",
        "chain" => "base",
        _ => "id_does_not_exist",
    };

    public static async Task<IReadOnlyList<ApiRoute>> AllAsync(SandboxFactory app)
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => new ApiRoute(operation.Name.ToUpperInvariant(), path.Name)))];
    }

    public override string ToString() => $"{Method} {Template}";
}
