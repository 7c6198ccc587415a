using System.Text;
using CsCheck;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

/// Property: whatever malformed request reaches any documented route (broken or ambiguous JSON, wrong
/// types, huge numbers, deep nesting, oversized bodies, wrong content types, control characters and
/// non-ASCII in headers and path parameters), the answer is a 4xx Problem-JSON and the tenant's state,
/// ledger and chain, is what it was.
public sealed class HostileInputPropertyTests
{
    private const int MaxBodyBytes = 1024 * 1024;
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    public sealed record HostileRequest(ApiRoute Route, string PathValue, string? ContentType, byte[] Body, (string Name, string Value)[] Headers)
    {
        public override string ToString() =>
            $"{Route.Method} {Route.Path(_ => PathValue)} [{ContentType}] {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 200)))}"
            + $" {string.Join(" ", Headers.Select(h => $"{h.Name}={h.Value}"))}";
    }

    [Fact]
    public async Task No_Malformed_Request_Gets_A_5xx_Or_Changes_Anything()
    {
        var routes = (await ApiRoute.AllAsync(_app)).Where(r => r.Template.StartsWith("/v1/", StringComparison.Ordinal)).ToArray();
        var key = SandboxFactory.NewKey();
        var client = _app.ClientFor(key);
        var before = await SnapshotAsync(client);

        var requests = Gen.Select(Gen.OneOf(routes), PathValues, ContentTypes, Bodies, HeaderSets,
            (route, path, type, body, headers) => new HostileRequest(route, path, type, body, headers));
        await requests.SampleAsync(async request =>
        {
            var response = await client.SendAsync(Build(request));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {request}: {text}");
            if ((int)response.StatusCode >= 400 && response.RequestMessage!.Method != HttpMethod.Head)
            {
                Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
            }
        }, iter: 400, threads: 1, print: r => r.ToString());

        Assert.Equal(before, await SnapshotAsync(client));
    }

    private static HttpRequestMessage Build(HostileRequest r)
    {
        var request = new HttpRequestMessage(new HttpMethod(r.Route.Method), r.Route.Path(_ => Uri.EscapeDataString(r.PathValue)));
        if (r.Route.Method is not "GET")
        {
            request.Content = new ByteArrayContent(r.Body);
            if (r.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
            }
        }
        foreach (var (name, value) in r.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// Everything a request could have changed: balances on the ledger and on chain, mints, redeems, positions,
    /// webhooks, keys' effects on the tenant view, the tenant's clock and price overrides (its AAPL price
    /// against an untouched tenant's, since prices move on their own every 15 s).
    private async Task<string> SnapshotAsync(HttpClient client)
    {
        var tenant = await client.TenantAsync();
        var parts = new List<string>
        {
            tenant.GetProperty("balances").ToString(),
            tenant.Str("settlement_address"),
            (await (await client.GetAsync("/v1/mints")).JsonAsync()).GetProperty("data").ToString(),
            (await (await client.GetAsync("/v1/redeems")).JsonAsync()).GetProperty("data").ToString(),
            (await (await client.GetAsync("/v1/positions")).JsonAsync()).GetProperty("data").ToString(),
            (await (await client.GetAsync("/v1/webhooks")).JsonAsync()).GetProperty("data").ToString(),
            "AAPL as an untouched tenant sees it: " + await PriceAsUntouchedAsync(client, "AAPL"),
            (await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, tenant.Str("settlement_address"))).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return string.Join("\n", parts);
    }

    private async Task<bool> PriceAsUntouchedAsync(HttpClient client, string ticker)
    {
        var untouched = _app.ClientFor(SandboxFactory.NewKey());
        while (true)
        {
            var before = await PriceAsync(untouched, ticker);
            var mine = await PriceAsync(client, ticker);
            if (await PriceAsync(untouched, ticker) == before)
            {
                return mine == before;
            }
        }
    }

    private static async Task<string> PriceAsync(HttpClient client, string ticker) =>
        (await (await client.GetAsync($"/v1/tokens/{ticker}")).JsonAsync()).GetProperty("nav").GetProperty("price").ToString();

    private static readonly string[] HostileText =
    [
        "", " ", "\u0000", "\u0001\u0002", "\u0007bell", "tab\there", "\u007f", "\u00ff\u00fe", "caf\u00e9", "\u0663\u0664",
        "\uFF11\uFF10", "\u202Eevil", "\uD83D\uDE00", "%00", "../../etc/passwd", "' OR 1=1 --", "<script>", new string('x', 300),
        "AAPL\u0000", "aapl", "sk_live_abcdefgh12", "1e309", "-0", "NaN",
    ];

    /// NUL cannot reach a route: the test host's client refuses it, and Kestrel answers 400 itself.
    private static readonly Gen<string> PathValues = Gen.OneOf(HostileText.Where(t => t.Length > 0 && !t.Contains('\0')).ToArray());

    private static readonly Gen<string?> ContentTypes = Gen.OneOf<string?>(
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/problem+json",
        "json", ";;;", "application/json\u0000", null);

    private static readonly string[] Fields =
        ["asset", "quantity", "settlement", "chain", "currency", "wallet", "amount", "price", "shock_pct", "scope", "url", "events",
         "developer_fee", "amount_bps", "destination", "idempotency_key", "description", "enabled"];

    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.OneOf(HostileText).Select(t => System.Text.Json.JsonSerializer.Serialize(t)),
        Gen.OneOf("1e999999", "-1e999999", "1" + new string('0', 400), "0." + new string('0', 60) + "1", "79228162514264337593543950336",
            "-79228162514264337593543950336", "123456789012345678901234567890.5", "true", "null", "[]", "{}", "[[[[[]]]]]", "-0.0000001"),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// JSON objects that always carry a field no route knows (so no well-typed request slips through),
    /// plus every kind of broken JSON.
    private static readonly Gen<byte[]> Bodies = Gen.OneOf(
        Gen.Select(Gen.Select(Gen.OneOf(Fields), Values).Array[0, 6], Gen.Bool, (pairs, twice) =>
        {
            var members = pairs.Select(p => $"\"{p.Item1}\":{p.Item2}").Append("\"__unknown\":1").ToList();
            if (twice && pairs.Length > 0)
            {
                members.Add($"\"{pairs[0].Item1}\":{pairs[0].Item2}");
            }
            return Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}");
        }),
        Gen.OneOf(
            """{"asset":"AAPL","quantity":""", """{"asset":"AAPL",}""", """{"a":1}{"b":2}""", "[", "]", "{", "\"unterminated", "nul",
            """{'asset':'AAPL'}""", """{"asset":"AAPL"/*c*/}""", """{"idempotency_key":"a","idempotency_key":"b","__unknown":1}""",
            """{"settlement":{"chain":"base","chain":"ethereum"},"__unknown":1}""", """{"x":"\uD800"}""", "[]", "\"text\"", "42", "null", "true")
            .Select(Encoding.UTF8.GetBytes),
        Gen.Int[33, 200].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth))),
        Gen.Byte.Array[1, 64].Select(bytes => (byte[])[.. "{\"asset\":\""u8, .. bytes, 0xFF, .. "\"}"u8]),
        Gen.Const(0).Select(_ => Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', MaxBodyBytes) + "\"}")));

    private static readonly Gen<(string, string)[]> HeaderSets = Gen.OneOf(
        ("X-Flo-Clock", "-1d"), ("X-Flo-Clock", "+31d"), ("X-Flo-Clock", "+10675200d"), ("X-Flo-Clock", "+\u0663d"), ("X-Flo-Clock", "+1\u0000d"),
        ("X-Flo-Clock", "+1d\u00a0x"), ("X-Flo-Clock", "tomorrow"), ("X-Flo-Clock", "1999-01-01T00:00:00Z"), ("X-Flo-Clock", "9999-12-31T23:59:59Z"),
        ("X-Flo-Error", "not_a_code\u0007"), ("X-Flo-Error", "insufficient_funds"), ("X-Flo-Error", "\u00e9"),
        ("Flo-Version", "2026-13-45"), ("Flo-Version", "\u0662\u0660\u0662\u0666-01-01"),
        ("Idempotency-Key", new string('k', 129)), ("Idempotency-Key", "\u0001"), ("Idempotency-Key", "\u00e9\u00e9"),
        ("Authorization", "Bearer sk_test_\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"), ("Authorization", "Basic Zm9vOmJhcg=="),
        ("Content-Length", "-1"), ("X-Request-Id", "\u0000"))
        .Array[0, 3];
}
