using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public class IdempotencyTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    private static async Task<string> UsdtAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdt");

    [Fact]
    public async Task Retry_With_Same_Key_And_Body_Replays_The_First_Response_Verbatim()
    {
        var client = _app.NewTenantClient();
        var first = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":100}""", ("Idempotency-Key", "faucet-1"));
        var second = await client.PostJsonAsync("/v1/sandbox/faucet", """{ "amount": 100, "currency": "USDT" }""", ("Idempotency-Key", "faucet-1"));

        ProblemAssert.IsStatus(second, HttpStatusCode.OK);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.False(first.HasHeader("Idempotent-Replayed"));
        Assert.Equal(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
        Assert.Equal("100.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Same_Key_With_Another_Body_Is_A_Mismatch()
    {
        var client = _app.NewTenantClient();
        var first = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":100}""", ("Idempotency-Key", "k"));
        var second = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":200}""", ("Idempotency-Key", "k"));

        var body = await ProblemAssert.IsProblemAsync(second, "idempotency_mismatch");
        Assert.Equal(first.Header("X-Request-Id"), body.Str("original_request_id"));
        Assert.Equal("Retry with a different Idempotency-Key.", body.Str("action"));
        Assert.Equal("100.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Keys_Are_Per_Tenant()
    {
        var alice = _app.NewTenantClient();
        var bob = _app.NewTenantClient();
        await alice.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", ("Idempotency-Key", "shared"));
        var response = await bob.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":2}""", ("Idempotency-Key", "shared"));
        ProblemAssert.IsStatus(response, HttpStatusCode.OK);
        Assert.Equal("2.00", await UsdtAsync(bob));
    }

    [Fact]
    public async Task Key_Of_128_Bytes_Is_Accepted_And_129_Is_Refused()
    {
        var client = _app.NewTenantClient();
        var ok = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", ("Idempotency-Key", new string('k', 128)));
        ProblemAssert.IsStatus(ok, HttpStatusCode.OK);

        var tooLong = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", ("Idempotency-Key", new string('k', 129)));
        var body = await ProblemAssert.IsProblemAsync(tooLong, "invalid_request");
        Assert.Equal("Idempotency-Key", body.Str("param"));
        Assert.Contains("129 bytes", body.Str("detail"));
        Assert.Equal("1.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Key_Length_Counts_Utf8_Bytes_Not_Characters()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", $$"""{"currency":"USDT","amount":1,"idempotency_key":"{{new string('é', 65)}}"}""");
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Contains("130 bytes", body.Str("detail"));
    }

    [Fact]
    public async Task Twenty_Concurrent_Requests_With_One_Key_Execute_Once()
    {
        var client = _app.NewTenantClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":7}""", ("Idempotency-Key", "burst"))));

        Assert.All(responses, r => ProblemAssert.IsStatus(r, HttpStatusCode.OK));
        Assert.Single(responses, r => !r.HasHeader("Idempotent-Replayed"));
        Assert.Single(responses.Select(r => r.Content.ReadAsStringAsync().Result).Distinct());
        Assert.Equal("7.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Body_Idempotency_Key_Works_Like_The_Header()
    {
        var client = _app.NewTenantClient();
        var body = """{"currency":"USDT","amount":3,"idempotency_key":"in-body"}""";
        var first = await client.PostJsonAsync("/v1/sandbox/faucet", body);
        var second = await client.PostJsonAsync("/v1/sandbox/faucet", body);
        var viaHeader = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":3}""", ("Idempotency-Key", "in-body"));
        ProblemAssert.IsStatus(first, HttpStatusCode.OK);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal("true", viaHeader.Header("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("3.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Header_And_Body_Keys_That_Differ_Are_Refused()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":3,"idempotency_key":"a"}""", ("Idempotency-Key", "b"));
        var body = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("Idempotency-Key", body.Str("param"));
    }

    [Fact]
    public async Task Cached_4xx_Is_Replayed()
    {
        var client = _app.NewTenantClient();
        var first = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"EUR","amount":1}""", ("Idempotency-Key", "bad"));
        await ProblemAssert.IsProblemAsync(first, "invalid_request");
        var second = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"EUR","amount":1}""", ("Idempotency-Key", "bad"));
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        var body = await ProblemAssert.IsProblemAsync(second, "invalid_request");
        Assert.Equal(first.Header("X-Request-Id"), body.Str("request_id"));
    }

    [Fact]
    public async Task A_5xx_Is_Not_Cached_So_The_Retry_Runs_Again()
    {
        var client = _app.NewTenantClient();
        var key = Guid.NewGuid().ToString();
        var first = await client.PostJsonAsync(TestRoutes.FlakyOnce, "{}", ("Idempotency-Key", key));
        await ProblemAssert.IsProblemAsync(first, "internal_error");

        var retry = await client.PostJsonAsync(TestRoutes.FlakyOnce, "{}", ("Idempotency-Key", key));
        ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
        Assert.False(retry.HasHeader("Idempotent-Replayed"));
        Assert.Equal(2, (await retry.JsonAsync()).GetProperty("calls").GetInt32());

        var third = await client.PostJsonAsync(TestRoutes.FlakyOnce, "{}", ("Idempotency-Key", key));
        Assert.Equal("true", third.Header("Idempotent-Replayed"));
        Assert.Equal(2, (await third.JsonAsync()).GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Keys_Expire_After_24_Hours_Of_Sandbox_Time()
    {
        var client = _app.NewTenantClient();
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""", ("Idempotency-Key", "day"));
        var withinDay = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""", ("Idempotency-Key", "day"), ("X-Flo-Clock", "+23h"));
        Assert.Equal("true", withinDay.Header("Idempotent-Replayed"));

        var nextDay = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""", ("Idempotency-Key", "day"), ("X-Flo-Clock", "+2h"));
        ProblemAssert.IsStatus(nextDay, HttpStatusCode.OK);
        Assert.False(nextDay.HasHeader("Idempotent-Replayed"));
        Assert.Equal("10.00", await UsdtAsync(client));
    }

    [Fact]
    public async Task Without_A_Key_Requests_Simply_Run()
    {
        var client = _app.NewTenantClient();
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""");
        await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":5}""");
        Assert.Equal("10.00", await UsdtAsync(client));
    }
}
