using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// Navigation over the served document's JSON, following local `$ref`s.
internal sealed class OpenApiDoc(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static async Task<OpenApiDoc> LoadAsync() => new(JsonDocument.Parse(await OpenApiDocumentSource.FetchAsync()).RootElement.Clone());

    public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (p.Name, m.Name, m.Value)));

    public JsonElement Operation(string path, string method) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    public JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = Root;
            foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(segment);
            }
            element = target;
        }
        return element;
    }

    public IReadOnlyList<string> ParameterNames(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Select(p => Resolve(p).Str("name"))]
            : [];

    public static string? RefName(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? reference.GetString()!.Split('/')[^1] : null;

    public static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
