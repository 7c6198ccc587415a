using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// Every route that reads the sandbox-only `X-Flo-Fail-At` documents it, with the values it accepts as a pattern.
public sealed class FailAtDocumentationTests
{
    [Theory]
    [InlineData("/v1/mint")]
    [InlineData("/v1/redeem")]
    public async Task Mint_And_Redeem_Document_X_Flo_Fail_At_Fill(string path)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var failAt = doc.Operation(path, "post").GetProperty("parameters").EnumerateArray().Select(doc.Resolve)
            .Single(p => p.Str("name") == "X-Flo-Fail-At");

        Assert.Equal("header", failAt.Str("in"));
        Assert.Contains("broker", failAt.Str("description"));
        var pattern = new System.Text.RegularExpressions.Regex(failAt.GetProperty("schema").Str("pattern"));
        Assert.Matches(pattern, "fill");
        Assert.All(["Fill", "fill ", "delivery", ""], v => Assert.DoesNotMatch(pattern, v));
    }
}
