using System.Net.Http.Headers;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

/// Findings of an attacker's pass over the pipeline: each input used to be a 500 or was silently accepted.
public sealed class HostileInputTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Theory]
    [InlineData("+10675200d")]
    [InlineData("+999999999d")]
    [InlineData("+999999999s")]
    public async Task Huge_Clock_Steps_Are_Refused_Not_Overflowed(string step)
    {
        var client = _app.NewTenantClient();
        var before = (await client.GetAsync("/v1/sandbox/tenant")).Header("X-Flo-Clock-Now");

        var response = await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", step));

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("X-Flo-Clock", problem.Str("param"));
        Assert.Contains("at most 30 days", problem.Str("detail"));
        Assert.True(DateTimeOffset.Parse((await client.GetAsync("/v1/sandbox/tenant")).Header("X-Flo-Clock-Now"), System.Globalization.CultureInfo.InvariantCulture)
            < DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1));
    }

    [Theory]
    [InlineData("+\u0663d")]                       // Arabic-Indic digit three
    [InlineData("+1\uFF10s")]                      // full-width zero
    [InlineData("2027-\u0660\u0661-01T00:00:00Z")] // Arabic-Indic digits in an instant
    public async Task Non_Ascii_Digits_In_The_Clock_Header_Are_Refused(string value)
    {
        var client = _app.NewTenantClient();
        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", value)), "invalid_request");
        Assert.Equal("X-Flo-Clock", problem.Str("param"));
    }

    [Fact]
    public async Task A_Body_With_Idempotency_Key_Twice_Is_Refused_And_Mints_Nothing()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/mint",
            """{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"},"idempotency_key":"a","idempotency_key":"b"}""");

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("idempotency_key", problem.Str("param"));
        Assert.Contains("more than once", problem.Str("detail"));
        await AssertNothingHappenedAsync(client);
    }

    [Fact]
    public async Task A_Duplicate_Field_Anywhere_In_A_Body_Is_Refused_With_Its_Path()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/mint",
            """{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base","chain":"ethereum"}}""");

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("settlement.chain", problem.Str("param"));
        await AssertNothingHappenedAsync(client);
    }

    [Fact]
    public async Task A_Body_That_Is_Not_Utf8_Is_Refused()
    {
        var client = _app.NewTenantClient();
        byte[] body = [.. """{"asset":"AAPL","quantity":1,"settlement":{"currency":"USDC","chain":"base"},"x":" """u8, 0xC3, 0x28, .. "\"}"u8];
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/mint") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var problem = await ProblemAssert.IsProblemAsync(await client.SendAsync(request), "invalid_request");
        Assert.Equal("body", problem.Str("param"));
        Assert.Contains("UTF-8", problem.Str("detail"));
        await AssertNothingHappenedAsync(client);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text/plain")]
    public async Task A_Body_Not_Declared_Json_Is_Never_Parsed_Even_For_An_Idempotency_Fingerprint(string contentType)
    {
        var client = _app.NewTenantClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
        {
            Content = new ByteArrayContent("""{"idempotency_key":"a","idempotency_key":"b","x":"\uD800"}"""u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("Idempotency-Key", "fingerprint-1");

        var problem = await ProblemAssert.IsProblemAsync(await client.SendAsync(request), "unsupported_media_type");
        Assert.Equal(contentType, problem.Str("content_type"));
    }

    [Fact]
    public async Task An_Empty_Idempotency_Key_Header_Is_Refused_Not_Ignored()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", ("Idempotency-Key", " "));

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("Idempotency-Key", problem.Str("param"));
        Assert.Equal("0.00", (await client.TenantAsync()).GetProperty("balances").Str("usdt"));
    }

    [Theory]
    [InlineData("\"1.0000000000000000000000000001\"")]  // 29 significant digits
    [InlineData("12345678901234567890.123456789")]      // 29 significant digits as a number
    [InlineData("79228162514264337593543950336")]       // one above decimal.MaxValue
    [InlineData("1" + "000000000000000000000000000000000000000000000000000000000000")]
    public async Task Amounts_Beyond_28_Significant_Digits_Are_Refused_Not_Rounded(string quantity)
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/mint",
            """{"asset":"AAPL","quantity":""" + quantity + ""","settlement":{"currency":"USDC","chain":"base"}}""");

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("quantity", problem.Str("param"));
        Assert.Contains("28 significant digits", problem.Str("detail"));
        await AssertNothingHappenedAsync(client);
    }

    [Fact]
    public async Task Faucet_Amount_With_Too_Many_Digits_Is_Refused()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":"0.00000000000000000000000000001"}""");
        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("amount", problem.Str("param"));
    }

    [Fact]
    public async Task Control_Characters_And_Non_Ascii_In_Headers_Are_4xx()
    {
        var client = _app.NewTenantClient();
        (string, string)[][] cases =
        [
            [("X-Flo-Clock", "+1\u0000d")],
            [("X-Flo-Error", "rate_limited\u0007")],
            [("Flo-Version", "2026-04-21\u00e9")],
            [("Idempotency-Key", "k\u0001\u00ff")],
        ];
        foreach (var headers in cases)
        {
            var response = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":1}""", headers);
            Assert.True((int)response.StatusCode is >= 200 and < 500, $"{headers[0]} gave {(int)response.StatusCode}");
        }
    }

    private static async Task AssertNothingHappenedAsync(HttpClient client)
    {
        var mints = await (await client.GetAsync("/v1/mints")).JsonAsync();
        Assert.Equal(0, mints.GetProperty("data").GetArrayLength());
        Assert.Equal("1000000.00", (await client.TenantAsync()).GetProperty("balances").Str("usdc"));
    }
}
