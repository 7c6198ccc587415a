using System.Net;
using System.Text;
using System.Text.Json;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.OpenApi;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// Problem responses in the document: every status a route can answer with, each code's schema with its
/// extension fields, and real error responses agreeing with what the document says of their route.
public sealed class OpenApiProblemsTests
{
    private const string AllInjectable = "400,401,403,404,405,409,413,415,422,429,500,503,504";

    [Theory]
    [InlineData("/health/live", "get", "200,400,500")]
    [InlineData("/health/ready", "get", "200,400,500,503")]
    [InlineData("/rpc/{chain}", "post", "200,204,400,404,413,429,500,503")]
    [InlineData("/v1/tokens", "get", "200,400,401,403,429,500,503")]
    [InlineData("/v1/tokens/{ticker}", "get", "200,400,401,403,404,429,500,503")]
    [InlineData("/v1/positions/{token}", "get", "200,400,401,403,404,429,500,503")]
    [InlineData("/v1/mints/{id}", "get", "200,400,401,403,404,429,500,503")]
    [InlineData("/v1/mint", "post", "200," + AllInjectable)]
    [InlineData("/v1/redeem", "post", "200," + AllInjectable)]
    [InlineData("/v1/redeems/{id}", "get", "200,400,401,403,404,429,500,503")]
    [InlineData("/v1/redeems", "get", "200,400,401,403,429,500,503")]
    [InlineData("/v1/sandbox/reset", "post", "200," + AllInjectable)]
    [InlineData("/v1/tokens/{ticker}/deployments", "post", "200,201," + AllInjectable)]
    [InlineData("/v1/webhooks/{id}", "delete", "200," + AllInjectable)]
    public async Task Every_Status_A_Route_Can_Answer_With_Is_Documented(string path, string method, string statuses)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var responses = doc.Operation(path, method).GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.Equal(statuses.Split(','), responses.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/v1/tokens/{ticker}", "get", "404", "asset_not_found")]
    [InlineData("/v1/mint", "post", "422", "guardrail_triggered,insufficient_funds,bridge_route_unsupported,health_too_low,insufficient_position,ltv_exceeded")]
    [InlineData("/v1/redeem", "post", "422", "guardrail_triggered,insufficient_position,bridge_route_unsupported,health_too_low,insufficient_funds,ltv_exceeded")]
    [InlineData("/v1/redeem", "post", "404", "position_not_found,asset_not_found,resource_not_found,route_not_found")]
    [InlineData("/v1/mint", "post", "409", "idempotency_mismatch,market_closed_non_fractional,mint_paused_reconciliation")]
    [InlineData("/v1/sandbox/reset", "post", "415", "unsupported_media_type")]
    [InlineData("/v1/tokens", "get", "403", "key_lacks_live_scope")]
    [InlineData("/v1/sandbox/faucet", "post", "403", "forbidden,key_lacks_live_scope,ip_not_allowed,jurisdiction_restricted,kyc_required")]
    public async Task Each_Problem_Response_Names_Its_Codes(string path, string method, string status, string codes)
    {
        var doc = await OpenApiDoc.LoadAsync();

        var response = doc.Operation(path, method).GetProperty("responses").GetProperty(status);
        Assert.Equal(codes.Split(','), OpenApiDoc.Strings(response.GetProperty(FloOperationTransformer.CodesExtension)));
        var schema = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        var expected = codes.Contains(',', StringComparison.Ordinal) ? "FloProblem" : ProblemSchemas.NameOf(Definition(codes));
        Assert.Equal(expected, OpenApiDoc.RefName(schema));
    }

    [Fact]
    public async Task Every_Code_Has_A_Schema_With_Its_Extension_Fields_Mapped_From_The_Discriminator()
    {
        var doc = await OpenApiDoc.LoadAsync();

        var problem = doc.Schema("FloProblem");
        foreach (var field in new[] { "type", "title", "status", "detail", "instance", "request_id", "code", "retryable" })
        {
            Assert.Contains(field, OpenApiDoc.Strings(problem.GetProperty("required")));
        }
        var mapping = problem.GetProperty("discriminator").GetProperty("mapping");
        Assert.Equal("code", problem.GetProperty("discriminator").Str("propertyName"));
        foreach (var definition in FloErrorCatalog.All)
        {
            var name = ProblemSchemas.NameOf(definition);
            Assert.Equal($"#/components/schemas/{name}", mapping.Str(definition.Code));
            var parts = doc.Schema(name).GetProperty("allOf").EnumerateArray().ToList();
            Assert.Equal("FloProblem", OpenApiDoc.RefName(parts[0]));
            var own = parts[1];
            foreach (var field in definition.ExtensionFields)
            {
                var member = default(JsonElement);
                Assert.True(own.TryGetProperty("properties", out var properties) && properties.TryGetProperty(field, out member), $"{name} lacks {field}");
                Assert.True(member.TryGetProperty("type", out _), $"{name}.{field} has no type");
            }
        }
        Assert.Equal("array", doc.Schema("InvalidRequestProblem").GetProperty("allOf")[1].GetProperty("properties").GetProperty("valid_codes").Str("type"));
    }

    public static TheoryData<string, string, string, string, string?, string?> RealErrors => new()
    {
        // path in the document, method, request path, status, header, body
        { "/health/live", "get", "/health/live", "400", "Flo-Version: yesterday", null },
        { "/v1/tokens", "get", "/v1/tokens?limit=500", "400", null, null },
        { "/v1/tokens", "get", "/v1/tokens", "400", "X-Flo-Clock: -1d", null },
        { "/v1/tokens/{ticker}", "get", "/v1/tokens/NOPE", "404", null, null },
        { "/v1/tokens", "get", "/v1/tokens", "401", "Authorization: Bearer nope", null },
        { "/v1/tokens", "get", "/v1/tokens", "403", "Authorization: Bearer sk_live_abcdefgh123", null },
        { "/v1/mint", "post", "/v1/mint", "404", null, """{"asset":"NOPE","quantity":1,"settlement":{"currency":"USDC","chain":"base"}}""" },
        { "/v1/mint", "post", "/v1/mint", "415", "Content-Type: text/plain", "asset=AAPL" },
        { "/v1/sandbox/faucet", "post", "/v1/sandbox/faucet", "400", null, """{"currency":"EUR","amount":1}""" },
        { "/v1/sandbox/payout_pools/{currency}/{chain}", "post", "/v1/sandbox/payout_pools/EUR/base", "400", null, """{"liquidity_usdc":"1"}""" },
        { "/v1/sandbox/reset", "post", "/v1/sandbox/reset", "504", "X-Flo-Error: bridge_dvn_timeout", null },
        { "/rpc/{chain}", "post", "/rpc/solana", "404", null, """{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}""" },
    };

    [Theory]
    [MemberData(nameof(RealErrors))]
    public async Task A_Real_Error_Is_A_Status_And_Code_The_Document_Lists_For_Its_Route(
        string path, string method, string requestPath, string status, string? header, string? body)
    {
        var doc = await OpenApiDoc.LoadAsync();
        var client = SandboxFactory.Shared.NewTenantClient();
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), requestPath);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (header?.Split(": ", 2) is [var name, var value])
        {
            if (name == "Content-Type")
            {
                request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(value);
            }
            else if (name == "Authorization")
            {
                client.DefaultRequestHeaders.Remove("Authorization");
                request.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var response = await client.SendAsync(request);

        Assert.Equal(status, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var code = (await response.JsonAsync()).Str("code");
        var documented = doc.Operation(path, method).GetProperty("responses").GetProperty(status);
        Assert.Contains(code, OpenApiDoc.Strings(documented.GetProperty(FloOperationTransformer.CodesExtension)));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public void Every_Extension_Field_Of_The_Catalog_Has_A_Schema()
    {
        var fields = FloErrorCatalog.All.SelectMany(ProblemSchemas.FieldsOf).Distinct();

        Assert.All(fields, f => Assert.True(ProblemExtensionFields.Schemas.ContainsKey(f), $"no schema for extension field '{f}'"));
    }

    private static FloErrorDefinition Definition(string code) => FloErrorCatalog.All.Single(d => d.Code == code);
}
