using System.Net;
using FloSandbox.Tests.Infrastructure;
using FloSandbox.Tests.OpenApi;

namespace FloSandbox.Tests.Bridges;

/// The bridge routes and the sandbox's DVN control in the OpenAPI document, and real responses against it.
public sealed class BridgeOpenApiTests
{
    [Theory]
    [InlineData("/v1/bridge", "post")]
    [InlineData("/v1/bridges", "get")]
    [InlineData("/v1/bridges/{id}", "get")]
    [InlineData("/v1/sandbox/dvns", "get")]
    [InlineData("/v1/sandbox/dvns", "post")]
    public async Task The_Bridge_And_Dvn_Routes_Are_Documented(string path, string method)
    {
        var doc = await OpenApiDoc.LoadAsync();
        Assert.True(doc.Operation(path, method).TryGetProperty("summary", out _));
    }

    [Theory]
    [InlineData("status", "BridgeStatus", "queued,sent,delivered,reverted")]
    [InlineData("from_chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("to_chain", "Chain", "base,arbitrum,ethereum")]
    public async Task Bridge_Statuses_And_Chains_Are_Named_Enums(string property, string enumName, string values)
    {
        var doc = await OpenApiDoc.LoadAsync();
        Assert.Equal(enumName, OpenApiDoc.RefName(doc.Schema("BridgeView").GetProperty("properties").GetProperty(property)));
        Assert.Equal(values.Split(','), OpenApiDoc.Strings(doc.Schema(enumName).GetProperty("enum")));
        var filter = doc.Operation("/v1/bridges", "get").GetProperty("parameters").EnumerateArray().Select(doc.Resolve).Single(p => p.Str("name") == "status");
        Assert.Equal("queued,sent,delivered,reverted".Split(','), OpenApiDoc.Strings(doc.Resolve(filter.GetProperty("schema")).GetProperty("enum")));
    }

    [Fact]
    public async Task A_Bridge_Its_Listing_And_The_Dvn_Settings_Match_Their_Schemas()
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        ProblemAssert.IsStatus(await client.MintAsync("AAPL", 2), HttpStatusCode.OK);

        var bridge = await client.BridgeAsync("AAPL", 1, "base", "arbitrum");
        await ResponseSchemas.AssertMatchesAsync("BridgeView", bridge);
        var id = (await bridge.JsonAsync()).Str("id");
        await ResponseSchemas.AssertMatchesAsync("BridgeView", await client.GetAsync($"/v1/bridges/{id}", ("X-Flo-Clock", "+2m")));
        await ResponseSchemas.AssertMatchesAsync("ListResponseOfBridgeView", await client.GetAsync("/v1/bridges"));
        await ResponseSchemas.AssertMatchesAsync("DvnSettingsView", await client.PostJsonAsync("/v1/sandbox/dvns", """{"withhold":["Polyhedra"]}"""));
        await ResponseSchemas.AssertMatchesAsync("BridgeRouteUnsupportedProblem", await client.BridgeAsync("AAPL", 1, "base", "solana"));
    }

    [Fact]
    public async Task The_Bridge_Route_Documents_X_Flo_Fail_At_With_The_Values_It_Accepts()
    {
        var doc = await OpenApiDoc.LoadAsync();

        var failAt = doc.Operation("/v1/bridge", "post").GetProperty("parameters").EnumerateArray().Select(doc.Resolve)
            .Single(p => p.Str("name") == "X-Flo-Fail-At");
        Assert.Equal("header", failAt.Str("in"));
        Assert.Equal(FloSandbox.Flo.Bridges.BridgeFailAt.Pattern, failAt.GetProperty("schema").Str("pattern"));
        Assert.Contains("delivery; attempts=N", failAt.Str("description"));
        var pattern = new System.Text.RegularExpressions.Regex(failAt.GetProperty("schema").Str("pattern"));
        Assert.All(["delivery", "delivery; attempts=1", "delivery;attempts=30"], v => Assert.Matches(pattern, v));
        Assert.All(["fill", "delivery; attempts=31", "delivery; attempts=0"], v => Assert.DoesNotMatch(pattern, v));
    }

    [Fact]
    public async Task A_Bridge_Retrying_Its_Destination_Mint_Matches_The_Bridge_Schema()
    {
        var client = SandboxFactory.Shared.NewTenantClient();
        ProblemAssert.IsStatus(await client.MintAsync("AAPL", 2), HttpStatusCode.OK);
        var id = (await (await client.BridgeAsync("AAPL", 1, "base", "arbitrum", headers: ("X-Flo-Fail-At", "delivery"))).JsonAsync()).Str("id");

        var retrying = await client.GetAsync($"/v1/bridges/{id}", ("X-Flo-Clock", "+1m"));
        await ResponseSchemas.AssertMatchesAsync("BridgeView", retrying);
        Assert.Equal(1, (await retrying.JsonAsync()).GetProperty("delivery_attempts").GetInt32());
    }

    [Theory]
    [InlineData("bridge.queued")]
    [InlineData("bridge.sent")]
    [InlineData("bridge.delivered")]
    [InlineData("bridge.reverted")]
    public async Task A_Test_Delivery_Of_A_Bridge_Event_Carries_A_Resource_Of_The_Bridge_Schema(string type)
    {
        var data = FloSandbox.Flo.Webhooks.SyntheticEvents.Build(type, "0x4a8b70fa12cc3d9d3c9b22ac019be40a7d113c9d", DateTimeOffset.UtcNow);
        await ResponseSchemas.AssertMatchesAsync("BridgeView", data.ToJsonString());
        Assert.Equal(type["bridge.".Length..], data["status"]!.GetValue<string>());
    }
}
