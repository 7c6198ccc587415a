using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FloSandbox.Tests.OpenApi;

public sealed class OpenApiValidationTests
{
    [Fact]
    public async Task Document_Loads_With_The_OpenApi_Reader_And_Passes_Every_Default_Validation_Rule()
    {
        var text = await OpenApiDocumentSource.FetchAsync();

        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetDefaultRuleSet() };
        var result = OpenApiDocument.Parse(text, "json", settings);

        Assert.NotNull(result.Document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic?.SpecificationVersion);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        var findings = result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.Empty(findings.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public async Task Server_Url_Does_Not_Come_From_A_Forged_Host_Header()
    {
        var text = await OpenApiDocumentSource.FetchAsync(host: "evil.example");

        Assert.DoesNotContain("evil.example", text, StringComparison.OrdinalIgnoreCase);
        var servers = JsonDocument.Parse(text).RootElement.GetProperty("servers");
        var server = Assert.Single(servers.EnumerateArray());
        Assert.Equal("/", server.GetProperty("url").GetString());
    }
}
