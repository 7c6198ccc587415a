using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class ProblemJsonTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Unknown_Route_Is_Route_Not_Found()
    {
        var response = await _app.NewTenantClient().GetAsync("/v1/nothing-here");
        var body = await ProblemAssert.IsProblemAsync(response, "route_not_found");
        Assert.Equal("/v1/nothing-here", body.Str("path"));
    }

    [Fact]
    public async Task Unknown_Route_Outside_V1_Is_Problem_Json_Too()
    {
        await ProblemAssert.IsProblemAsync(await _app.CreateClient().GetAsync("/nope"), "route_not_found");
    }

    [Fact]
    public async Task Wrong_Method_Is_Method_Not_Allowed()
    {
        var response = await _app.NewTenantClient().SendJsonAsync(HttpMethod.Delete, "/v1/sandbox/tenant", null);
        var body = await ProblemAssert.IsProblemAsync(response, "method_not_allowed");
        Assert.Equal("DELETE", body.Str("method"));
    }

    [Fact]
    public async Task Malformed_Json_Is_Invalid_Request()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Contains("Malformed JSON", body.Str("detail"));
    }

    [Fact]
    public async Task Wrong_Type_Names_The_Field()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":true}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("amount", body.Str("param"));
        Assert.Equal("Field 'amount' must be a number.", body.Str("detail"));
    }

    [Fact]
    public async Task Unknown_Field_Is_Refused()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":1,"bonus":2}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("bonus", body.Str("param"));
        Assert.Equal("Unknown field 'bonus'.", body.Str("detail"));
    }

    [Fact]
    public async Task Missing_Field_Is_Named()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"amount":1}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("currency", body.Str("param"));
    }

    [Fact]
    public async Task Null_For_A_Required_Field_Is_Named()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", """{"currency":null,"amount":1}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("currency", body.Str("param"));
    }

    [Fact]
    public async Task Missing_Body_Is_Invalid_Request()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", "");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("body", body.Str("param"));
    }

    [Fact]
    public async Task Array_Instead_Of_Object_Is_Invalid_Request()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/sandbox/faucet", "[1,2]");
        await ProblemAssert.IsProblemAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Huge_Body_Is_Payload_Too_Large_And_Changes_Nothing()
    {
        var client = _app.NewTenantClient();
        var huge = $$"""{"currency":"USDC","amount":1,"pad":"{{new string('x', 2 * 1024 * 1024)}}"}""";
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", huge);
        var body = await ProblemAssert.IsProblemAsync(response, "payload_too_large");
        Assert.Equal(1024 * 1024, body.GetProperty("max_bytes").GetInt32());
        Assert.Equal("1000000.00", (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdc"));
    }

    [Fact]
    public async Task Non_Json_Body_Is_Unsupported_Media_Type()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sandbox/faucet")
        {
            Content = new StringContent("currency=USDC&amount=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var response = await _app.NewTenantClient().SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, "unsupported_media_type");
    }

    [Fact]
    public async Task Unhandled_Exception_Is_Internal_Error_Without_Internals()
    {
        var response = await _app.NewTenantClient().GetAsync(TestRoutes.Throw);
        var body = await ProblemAssert.IsProblemAsync(response, "internal_error");
        Assert.DoesNotContain("boom", body.ToString());
        Assert.Contains(body.Str("request_id"), body.Str("detail"));
    }
}
