using System.Net;
using System.Text.Json;
using FloSandbox.Flo.Platform.Events;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookSubscriptionTests
{
    private readonly SandboxFactory _app = SandboxFactory.Shared;

    [Fact]
    public async Task Create_Returns_The_Subscription_With_A_Generated_Secret_Once()
    {
        var client = _app.NewTenantClient();
        var response = await client.PostJsonAsync("/v1/webhooks", """{"url":"https://api.your-app.com/flo-webhook","events":["mint.*","redeem.*","mint.*"]}""");

        ProblemAssert.IsStatus(response, HttpStatusCode.Created);
        var created = await response.JsonAsync();
        var id = created.Str("id");
        Assert.StartsWith("whk_", id);
        Assert.Equal($"/v1/webhooks/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("webhook", created.Str("object"));
        Assert.Equal("https://api.your-app.com/flo-webhook", created.Str("url"));
        Assert.Equal(["mint.*", "redeem.*"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Matches("^whsec_[A-Za-z0-9_-]{32}$", created.Str("secret"));

        var retrieved = await (await client.GetAsync($"/v1/webhooks/{id}")).JsonAsync();
        Assert.False(retrieved.TryGetProperty("secret", out _));
        Assert.Equal(created.Str("created_at"), retrieved.Str("created_at"));
        var listed = await (await client.GetAsync("/v1/webhooks")).JsonAsync();
        Assert.DoesNotContain(created.Str("secret"), listed.ToString());
        Assert.Equal(id, Assert.Single(listed.GetProperty("data").EnumerateArray()).Str("id"));
    }

    [Fact]
    public async Task A_Supplied_Secret_Is_Used_And_Returned_Only_At_Creation()
    {
        var client = _app.NewTenantClient();
        var created = await (await client.PostJsonAsync("/v1/webhooks",
            """{"url":"http://example.test/hook","events":["*"],"secret":"whsec_replace_with_your_signing_secret"}""")).JsonAsync();
        Assert.Equal("whsec_replace_with_your_signing_secret", created.Str("secret"));
        var text = await (await client.GetAsync($"/v1/webhooks/{created.Str("id")}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("whsec_", text);
    }

    [Fact]
    public async Task List_Paginates_In_Creation_Order()
    {
        var client = _app.NewTenantClient();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await (await client.PostJsonAsync("/v1/webhooks", new { url = $"https://example.test/{i}", events = new[] { "fee.*" } })).JsonAsync()).Str("id"));
        }

        var first = await (await client.GetAsync("/v1/webhooks?limit=2")).JsonAsync();
        Assert.Equal("list", first.Str("object"));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(ids[..2], first.GetProperty("data").EnumerateArray().Select(w => w.Str("id")));
        Assert.Equal(ids[1], first.Str("next_cursor"));
        var rest = await (await client.GetAsync($"/v1/webhooks?limit=10&starting_after={ids[1]}")).JsonAsync();
        Assert.Equal(ids[2..], rest.GetProperty("data").EnumerateArray().Select(w => w.Str("id")));
        Assert.False(rest.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next_cursor").ValueKind);

        var bad = await client.GetAsync("/v1/webhooks?starting_after=whk_nope");
        Assert.Equal("starting_after", (await ProblemAssert.IsProblemAsync(bad, "invalid_request")).Str("param"));
    }

    [Fact]
    public async Task Delete_Removes_The_Subscription_And_Unknown_Ids_Are_Not_Found()
    {
        var client = _app.NewTenantClient();
        var id = (await (await client.PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["*"]}""")).JsonAsync()).Str("id");

        var deleted = await client.SendJsonAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null);
        ProblemAssert.IsStatus(deleted, HttpStatusCode.OK);
        var body = await deleted.JsonAsync();
        Assert.Equal(id, body.Str("id"));
        Assert.True(body.GetProperty("deleted").GetBoolean());

        foreach (var response in new[]
        {
            await client.GetAsync($"/v1/webhooks/{id}"),
            await client.SendJsonAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null),
            await client.GetAsync($"/v1/webhooks/{id}/deliveries"),
            await client.PostJsonAsync($"/v1/webhooks/{id}/test", """{"event_type":"mint.settled"}"""),
        })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, "resource_not_found");
            Assert.Equal("webhook", problem.Str("resource"));
            Assert.Equal(id, problem.Str("id"));
        }
        var delivery = await ProblemAssert.IsProblemAsync(await client.GetAsync("/v1/webhook_deliveries/wh_missing"), "resource_not_found");
        Assert.Equal("webhook_delivery", delivery.Str("resource"));
        Assert.Equal("wh_missing", delivery.Str("id"));
    }

    [Theory]
    [InlineData("""{"url":"/relative/path","events":["*"]}""", "url")]
    [InlineData("""{"url":"ftp://example.test/hook","events":["*"]}""", "url")]
    [InlineData("""{"url":"not a url","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://example.test/hook","events":[]}""", "events")]
    [InlineData("""{"url":"https://example.test/hook","events":["*"],"secret":"short"}""", "secret")]
    [InlineData("""{"events":["*"]}""", "url")]
    public async Task Invalid_Subscriptions_Are_Refused_With_The_Field_Named(string json, string param)
    {
        var client = _app.NewTenantClient();
        var problem = await ProblemAssert.IsProblemAsync(await client.PostJsonAsync("/v1/webhooks", json), "invalid_request");
        Assert.Equal(param, problem.Str("param"));
        var listed = await (await client.GetAsync("/v1/webhooks")).JsonAsync();
        Assert.Empty(listed.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_Event_Names_Are_Refused_With_The_Catalog()
    {
        var response = await _app.NewTenantClient().PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["mint.*","mint.exploded","swap.*"]}""");

        var problem = await ProblemAssert.IsProblemAsync(response, "invalid_request");
        Assert.Equal("events", problem.Str("param"));
        Assert.Contains("'mint.exploded'", problem.Str("detail"));
        Assert.Contains("'swap.*'", problem.Str("detail"));
        Assert.Contains("mint.contract_deployed", problem.Str("detail"));
        var valid = problem.GetProperty("valid_events").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("*", valid);
        Assert.Contains("bridge.*", valid);
        Assert.All(EventTypes.All, type => Assert.Contains(type, valid));
    }

    [Fact]
    public async Task Tenants_Never_See_Each_Others_Subscriptions_And_Reset_Deletes_Them()
    {
        var owner = _app.NewTenantClient();
        var other = _app.NewTenantClient();
        var id = (await (await owner.PostJsonAsync("/v1/webhooks", """{"url":"https://example.test/h","events":["*"]}""")).JsonAsync()).Str("id");

        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/v1/webhooks/{id}"), "resource_not_found");
        await ProblemAssert.IsProblemAsync(await other.SendJsonAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", null), "resource_not_found");
        Assert.Empty((await (await other.GetAsync("/v1/webhooks")).JsonAsync()).GetProperty("data").EnumerateArray());

        ProblemAssert.IsStatus(await owner.PostJsonAsync("/v1/sandbox/reset", "{}"), HttpStatusCode.OK);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/v1/webhooks/{id}"), "resource_not_found");
    }
}
