using System.Globalization;
using System.Text.Json;

namespace FloSandbox.Tests.Infrastructure;

public static class MintHelpers
{
    public static Task<HttpResponseMessage> MintAsync(this HttpClient client, string asset, decimal quantity, string chain = "base",
        string currency = "USDC", string? wallet = null, params (string Name, string Value)[] headers)
    {
        var settlement = wallet is null
            ? $$"""{"currency":"{{currency}}","chain":"{{chain}}"}"""
            : $$"""{"currency":"{{currency}}","chain":"{{chain}}","wallet":"{{wallet}}"}""";
        return client.PostJsonAsync("/v1/mint",
            $$"""{"asset":"{{asset}}","quantity":"{{quantity.ToString(CultureInfo.InvariantCulture)}}","settlement":{{settlement}}}""", headers);
    }

    public static async Task<JsonElement> TenantAsync(this HttpClient client) => await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync();

    public static async Task<decimal> BalanceAsync(this HttpClient client, string currency = "usdc") =>
        decimal.Parse((await client.TenantAsync()).GetProperty("balances").Str(currency), CultureInfo.InvariantCulture);

    public static decimal Dec(this JsonElement element, string name) => decimal.Parse(element.Str(name), CultureInfo.InvariantCulture);

    /// Pins the ticker's price for this tenant, so amounts are exact.
    public static async Task PinAsync(this HttpClient client, string ticker, decimal price) =>
        ProblemAssert.IsStatus(await client.PostJsonAsync($"/v1/sandbox/prices/{ticker}",
            $$"""{"price":"{{price.ToString(CultureInfo.InvariantCulture)}}"}"""), System.Net.HttpStatusCode.OK);

    public static async Task DeployAsync(this HttpClient client, string ticker, string chain = "base") =>
        await client.PostJsonAsync($"/v1/tokens/{ticker}/deployments", $$"""{"chain":"{{chain}}"}""");

    public static string RandomWallet() => "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
