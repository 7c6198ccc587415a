using System.Net;
using System.Net.Sockets;
using System.Text;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// Clients that hang up mid-redeem, over a real socket: before the acceptance, after it, during the burn or
/// the payout. Whatever the moment, the retry with the same key finds one redeem, settled, and the chain
/// burned its tokens and paid its proceeds once.
public sealed class RedeemHangUpTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private static readonly int[] DelaysMs = [0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 13, 17, 21, 30, 40, 60];

    [Fact]
    public async Task A_Hang_Up_At_Any_Moment_Leaves_One_Settled_Redeem_Per_Key_And_The_Chain_Equal_To_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        var client = app.ClientFor(key);
        var mint = await client.SettledMintAsync(DelaysMs.Length, price: 20m);
        var idempotencyKeys = new List<string>();

        foreach (var (delay, i) in DelaysMs.Select((d, i) => (d, i)))
        {
            var idempotencyKey = $"hang-up-{i}";
            idempotencyKeys.Add(idempotencyKey);
            await HangUpAsync(client.BaseAddress!, key, idempotencyKey, mint.Str("id"), delay);
        }

        var redeemIds = new HashSet<string>();
        foreach (var idempotencyKey in idempotencyKeys)
        {
            var retry = await client.RedeemAsync(mint.Str("id"), 1m, headers: ("Idempotency-Key", idempotencyKey));
            ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
            redeemIds.Add((await retry.JsonAsync()).Str("id"));
        }
        Assert.Equal(idempotencyKeys.Count, redeemIds.Count);

        var redeems = await SettledAsync(client, redeemIds.Count);
        Assert.Equal(redeemIds.Order(), redeems.Select(r => r.Str("id")).Order());
        var address = (await client.TenantAsync()).Str("settlement_address");
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", mint.GetProperty("contract").Str("address"), address));
        Assert.Equal(0m, await client.HeldAsync(mint.Str("asset")));
        var proceeds = redeems.Sum(r => r.Dec("proceeds_usdc"));
        Assert.Equal(1_000_000m - mint.Dec("total_usdc") + proceeds, await client.BalanceAsync());
        Assert.Equal(await client.BalanceAsync(), await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    /// Sends a redeem over a raw socket and closes it after <paramref name="delayMs"/>, without reading the answer.
    private static async Task HangUpAsync(Uri origin, string key, string idempotencyKey, string positionId, int delayMs)
    {
        var body = $$$"""{"position_id":"{{{positionId}}}","quantity":"1","payout":{"currency":"USDC","chain":"base"}}""";
        var request = $"POST /v1/redeem HTTP/1.1\r\nHost: {origin.Authority}\r\nAuthorization: Bearer {key}\r\nIdempotency-Key: {idempotencyKey}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(origin.Host, origin.Port);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request));
        if (delayMs > 0)
        {
            await Task.Delay(delayMs);
        }
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// This tenant's redeems once none is still on its way.
    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> SettledAsync(HttpClient client, int count)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = await (await client.GetAsync("/v1/redeems?limit=100")).JsonAsync();
            var redeems = page.GetProperty("data").EnumerateArray().ToList();
            if (redeems.Count >= count && redeems.All(r => r.Str("status") == "settled"))
            {
                return redeems;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Redeems still on their way: {string.Join(", ", redeems.Select(r => r.Str("status")))}");
            await Task.Delay(50);
        }
    }
}
