using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace FloSandbox.Tests.Infrastructure;

/// Reads the devchain the way a partner would: raw JSON-RPC through the sandbox's `/rpc/{chain}`.
public static class ChainReads
{
    public const string Usdc = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    public const string Usdt = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

    public static async Task<JsonElement> RpcAsync(HttpClient client, string chain, string method, params object[] parameters)
    {
        var response = await client.PostJsonAsync($"/rpc/{chain}", new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        var body = await response.JsonAsync();
        if (body.TryGetProperty("error", out var error))
        {
            throw new Xunit.Sdk.XunitException($"{method} failed: {error}");
        }
        return body.GetProperty("result");
    }

    /// ERC-20 `balanceOf(owner)` by raw `eth_call`, scaled from 6 decimals.
    public static async Task<decimal> BalanceOfAsync(HttpClient client, string chain, string token, string owner)
    {
        var data = "0x70a08231" + owner[2..].ToLowerInvariant().PadLeft(64, '0');
        var result = await RpcAsync(client, chain, "eth_call", new { to = token, data }, "latest");
        var units = BigInteger.Parse("0" + result.GetString()![2..], NumberStyles.HexNumber);
        return (decimal)units / 1_000_000m;
    }

    /// The wallet's on-chain balance of a ticker's token (its address from `GET /v1/tokens/{ticker}`).
    public static async Task<decimal> TokenBalanceAsync(HttpClient client, string ticker, string chain, string wallet)
    {
        var token = await (await client.GetAsync($"/v1/tokens/{ticker}")).JsonAsync();
        var address = token.GetProperty("distribution").EnumerateArray().Single(d => d.GetProperty("chain").GetString() == chain)
            .GetProperty("contract").GetProperty("address").GetString()!;
        return await BalanceOfAsync(client, chain, address, wallet);
    }

    public static async Task<string> CodeAtAsync(HttpClient client, string chain, string address) =>
        (await RpcAsync(client, chain, "eth_getCode", address, "latest")).GetString()!;
}
