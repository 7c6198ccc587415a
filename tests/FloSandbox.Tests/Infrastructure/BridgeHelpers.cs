using System.Globalization;
using System.Net;
using System.Text.Json;

namespace FloSandbox.Tests.Infrastructure;

public static class BridgeHelpers
{
    public static Task<HttpResponseMessage> BridgeAsync(this HttpClient client, string token, decimal quantity, string from, string to,
        string? destination = null, params (string Name, string Value)[] headers)
    {
        var dest = destination is null ? "" : $$""","destination":"{{destination}}" """;
        return client.PostJsonAsync("/v1/bridge",
            $$"""{"token":"{{token}}","quantity":"{{quantity.ToString(CultureInfo.InvariantCulture)}}","from_chain":"{{from}}","to_chain":"{{to}}"{{dest}}}""",
            headers);
    }

    /// The bridge as it stands after moving the tenant's clock by <paramref name="clock"/> (e.g. "+2m").
    public static async Task<JsonElement> BridgeAtAsync(this HttpClient client, string id, string clock) =>
        await (await client.GetAsync($"/v1/bridges/{id}", ("X-Flo-Clock", clock))).JsonAsync();

    /// What the ledger says the wallet holds of the token on one chain (zero when it holds none there).
    public static async Task<decimal> HeldAsync(this HttpClient client, string token, string wallet, string chain)
    {
        var response = await client.GetAsync($"/v1/positions/{token}?wallet={wallet}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0m;
        }
        var position = await response.JsonAsync();
        return position.GetProperty("chains").EnumerateArray().Where(c => c.Str("chain") == chain).Select(c => c.Dec("quantity")).SingleOrDefault();
    }

    public static async Task SetDvnsAsync(this HttpClient client, string json) =>
        ProblemAssert.IsStatus(await client.PostJsonAsync("/v1/sandbox/dvns", json), HttpStatusCode.OK);
}
