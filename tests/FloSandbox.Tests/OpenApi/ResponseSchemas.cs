namespace FloSandbox.Tests.OpenApi;

/// The document as NSwag reads it, and bodies checked against its schemas with NJsonSchema's validator, so the
/// wire formats and enums the document states cannot drift from the wire.
internal static class ResponseSchemas
{
    private static readonly Lazy<Task<NSwag.OpenApiDocument>> Document =
        new(async () => await NSwag.OpenApiDocument.FromJsonAsync(await OpenApiDocumentSource.FetchAsync()));

    public static async Task<NJsonSchema.JsonSchema> SchemaAsync(string name) => (await Document.Value).Components.Schemas[name];

    public static async Task AssertMatchesAsync(string schemaName, HttpResponseMessage response) =>
        await AssertMatchesAsync(schemaName, await response.Content.ReadAsStringAsync());

    public static async Task AssertMatchesAsync(string schemaName, string body)
    {
        var errors = (await SchemaAsync(schemaName)).Validate(body);
        Assert.True(errors.Count == 0, $"{schemaName}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{body}");
    }
}
