using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// The conventions of the request pipeline, as the document states them on every operation.
public sealed class OpenApiConventionsTests
{
    [Fact]
    public async Task Every_V1_Operation_Requires_The_Bearer_Scheme_And_No_Other_Route_Does()
    {
        var doc = await OpenApiDoc.LoadAsync();

        var scheme = doc.Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.Str("type"));
        Assert.Equal("bearer", scheme.Str("scheme"));
        foreach (var (path, method, operation) in doc.Operations())
        {
            var secured = operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(r => r.TryGetProperty("bearer", out _));
            Assert.True(secured == path.StartsWith("/v1/", StringComparison.Ordinal), $"{method} {path}: security {secured}");
        }
        Assert.False(doc.Root.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Header_Parameters_Are_Documented_Where_The_Pipeline_Reads_Them()
    {
        var doc = await OpenApiDoc.LoadAsync();

        foreach (var (path, method, operation) in doc.Operations())
        {
            var names = doc.ParameterNames(operation);
            var v1 = path.StartsWith("/v1/", StringComparison.Ordinal);
            Assert.Contains("Flo-Version", names);
            Assert.Equal(v1, names.Contains("X-Flo-Clock"));
            Assert.Equal(v1 && method == "post", names.Contains("Idempotency-Key"));
            Assert.Equal(v1 && method is "post" or "delete", names.Contains("X-Flo-Error"));
        }
        var error = doc.Resolve(doc.Root.GetProperty("components").GetProperty("parameters").GetProperty("X-Flo-Error"));
        Assert.Equal("header", error.Str("in"));
        Assert.Equal("ErrorCode", OpenApiDoc.RefName(error.GetProperty("schema")));
        Assert.Contains("insufficient_funds", OpenApiDoc.Strings(doc.Schema("ErrorCode").GetProperty("enum")));
    }

    [Theory]
    [InlineData("MintRequest")]
    [InlineData("RedeemRequest")]
    [InlineData("FaucetRequest")]
    [InlineData("CreateWebhookRequest")]
    public async Task Post_Bodies_May_Carry_The_Idempotency_Key(string schema)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var key = doc.Schema(schema).GetProperty("properties").GetProperty("idempotency_key");
        Assert.Equal("string", key.Str("type"));
        Assert.DoesNotContain("idempotency_key", OpenApiDoc.Strings(doc.Schema(schema).GetProperty("required")));
    }

    [Fact]
    public async Task Every_Response_Documents_The_Request_Id_Rate_Limit_And_Version_Headers()
    {
        var doc = await OpenApiDoc.LoadAsync();

        foreach (var (path, method, operation) in doc.Operations())
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var headers = response.Value.GetProperty("headers");
                foreach (var name in new[] { "X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Flo-Version" })
                {
                    Assert.True(headers.TryGetProperty(name, out _), $"{method} {path} {response.Name} lacks {name}");
                }
                Assert.Equal(response.Name == "429", response.Name == "429" && headers.TryGetProperty("Retry-After", out _));
                var replayable = path.StartsWith("/v1/", StringComparison.Ordinal) && method == "post" && response.Name[0] != '5';
                Assert.Equal(replayable, headers.TryGetProperty("Idempotent-Replayed", out _));
            }
        }
        var limit = doc.Resolve(doc.Root.GetProperty("components").GetProperty("headers").GetProperty("X-RateLimit-Limit"));
        Assert.Equal("integer", limit.GetProperty("schema").Str("type"));
    }

    [Fact]
    public async Task Limit_Is_An_Integer_From_1_To_100_On_Every_List()
    {
        var doc = await OpenApiDoc.LoadAsync();

        var limits = doc.Operations().SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : [])
            .Select(doc.Resolve).Where(p => p.Str("name") == "limit").ToList();
        var lists = doc.Operations().Count(o => o.Operation.TryGetProperty("operationId", out var id) && id.GetString()!.StartsWith("List", StringComparison.Ordinal));
        Assert.Equal(7, lists);
        Assert.Equal(lists, limits.Count);
        foreach (var schema in limits.Select(p => p.GetProperty("schema")))
        {
            Assert.Equal("integer", schema.Str("type"));
            Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
            Assert.Equal(100, schema.GetProperty("maximum").GetInt32());
            Assert.Equal(10, schema.GetProperty("default").GetInt32());
        }
    }

    [Theory]
    [InlineData("MintRequest", "quantity")]
    [InlineData("FaucetRequest", "amount")]
    [InlineData("SetPriceRequest", "price")]
    [InlineData("SetPriceRequest", "shock_pct")]
    [InlineData("MintView", "notional_usdc")]
    [InlineData("MintView", "quantity")]
    [InlineData("FeeView", "amount")]
    [InlineData("CostView", "deploy_gas")]
    [InlineData("BalancesView", "usdc")]
    [InlineData("PositionView", "nav_usdc")]
    [InlineData("NavView", "price")]
    [InlineData("TokenDetail", "supply")]
    [InlineData("RedeemRequest", "quantity")]
    [InlineData("RedeemView", "quantity")]
    [InlineData("RedeemView", "notional_usdc")]
    [InlineData("RedeemView", "proceeds_usdc")]
    [InlineData("RedeemCostView", "offramp")]
    [InlineData("RedeemPayoutView", "amount")]
    [InlineData("RedeemSwapView", "rate")]
    [InlineData("SetPayoutPoolRequest", "liquidity_usdc")]
    [InlineData("PayoutPoolView", "liquidity_usdc")]
    [InlineData("PayoutPoolView", "held_usdc")]
    [InlineData("PayoutPoolsView", "default_liquidity_usdc")]
    public async Task Amounts_And_Quantities_Are_Decimal_Strings(string schema, string property)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var member = doc.Schema(schema).GetProperty("properties").GetProperty(property);
        var type = member.GetProperty("type");
        Assert.Contains("string", type.ValueKind == JsonValueKind.Array ? OpenApiDoc.Strings(type) : [type.GetString()!]);
        Assert.Equal("decimal", member.Str("format"));
        Assert.Matches(member.Str("pattern"), "1842.05");
        Assert.DoesNotMatch(member.Str("pattern"), "1e3");
    }

    [Theory]
    [InlineData("MintView", "status", "MintStatus", "pending,queued,filled,settled,failed")]
    [InlineData("MintSettlementRequest", "chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("MintSettlementView", "chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("EnsureDeployedRequest", "chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("MintSettlementRequest", "currency", "Currency", "USDC,USDT")]
    [InlineData("FaucetRequest", "currency", "Currency", "USDC,USDT")]
    [InlineData("DeliveryView", "status", "DeliveryStatus", "pending,delivered,failed,abandoned")]
    [InlineData("DeliveryDetail", "status", "DeliveryStatus", "pending,delivered,failed,abandoned")]
    [InlineData("CreateKeyRequest", "scope", "KeyScope", "full,read")]
    [InlineData("RedeemView", "status", "RedeemStatus", "queued,filled,settled,failed")]
    [InlineData("RedeemPayoutRequest", "chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("RedeemPayoutRequest", "currency", "Currency", "USDC,USDT")]
    [InlineData("RedeemSourceView", "chain", "Chain", "base,arbitrum,ethereum")]
    [InlineData("RedeemSwapView", "from", "Currency", "USDC,USDT")]
    [InlineData("RedeemSwapView", "to", "Currency", "USDC,USDT")]
    [InlineData("PayoutPoolView", "currency", "Currency", "USDC,USDT")]
    [InlineData("PayoutPoolView", "chain", "Chain", "base,arbitrum,ethereum")]
    public async Task Statuses_Chains_And_Currencies_Are_Named_Enums(string schema, string property, string enumName, string values)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var member = doc.Schema(schema).GetProperty("properties").GetProperty(property);
        Assert.Equal(enumName, OpenApiDoc.RefName(member));
        Assert.Equal(values.Split(','), OpenApiDoc.Strings(doc.Schema(enumName).GetProperty("enum")));
    }

    [Theory]
    [InlineData("/v1/mints", "get", "status", "queued,filled,settled,failed")]
    [InlineData("/v1/redeems", "get", "status", "queued,filled,settled,failed")]
    [InlineData("/v1/webhooks/{id}/deliveries", "get", "status", "pending,delivered,failed,abandoned")]
    [InlineData("/rpc/{chain}", "post", "chain", "base,arbitrum,ethereum")]
    [InlineData("/v1/sandbox/payout_pools/{currency}/{chain}", "post", "currency", "USDC,USDT")]
    [InlineData("/v1/sandbox/payout_pools/{currency}/{chain}", "post", "chain", "base,arbitrum,ethereum")]
    public async Task Filter_And_Path_Parameters_Are_Enums(string path, string method, string name, string values)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var parameter = doc.Operation(path, method).GetProperty("parameters").EnumerateArray().Select(doc.Resolve).Single(p => p.Str("name") == name);
        Assert.Equal(values.Split(','), OpenApiDoc.Strings(doc.Resolve(parameter.GetProperty("schema")).GetProperty("enum")));
    }

    [Theory]
    [InlineData("MintView")]
    [InlineData("ListResponseOfMintView")]
    [InlineData("RedeemView")]
    [InlineData("ListResponseOfRedeemView")]
    [InlineData("TenantView")]
    [InlineData("CreatedWebhook")]
    public async Task Every_Resource_Requires_Its_Object_Name(string schema)
    {
        var doc = await OpenApiDoc.LoadAsync();

        Assert.Contains("object", OpenApiDoc.Strings(doc.Schema(schema).GetProperty("required")));
        Assert.Equal("string", doc.Schema(schema).GetProperty("properties").GetProperty("object").Str("type"));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/flo", true)]
    [InlineData("https://sandbox.example.test", true)]
    [InlineData("", false)]
    [InlineData("sandbox.example.test", false)]
    [InlineData("ftp://sandbox.example.test", false)]
    public void Server_Url_Option_Is_A_Path_Or_An_Http_Url(string url, bool valid) =>
        Assert.Equal(valid, FloSandbox.Flo.Platform.OpenApi.FloOpenApiOptions.IsValidServerUrl(url));

    [Fact]
    public async Task Servers_Entry_Is_The_Configured_Url_Whatever_The_Request_Host()
    {
        using var app = new SandboxFactory(new Dictionary<string, string?> { ["OpenApi:ServerUrl"] = "https://sandbox.example.test" });
        var request = new HttpRequestMessage(HttpMethod.Get, OpenApiDocumentSource.Path);
        request.Headers.Host = "evil.example";

        var text = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        var server = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("https://sandbox.example.test", server.Str("url"));
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }
}
