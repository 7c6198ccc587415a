using System.Net;
using System.Net.Sockets;
using System.Text;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

/// Clients that hang up mid-mint, over a real socket: before the debit, after it, during the chain call.
/// Whatever the moment, the retry with the same key finds one mint, settled, and the chain holds it once.
public sealed class HangUpTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private static readonly int[] DelaysMs = [0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 13, 17, 21, 30, 40, 60];

    [Fact]
    public async Task A_Hang_Up_At_Any_Moment_Leaves_One_Settled_Mint_Per_Key_And_The_Chain_Equal_To_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        var client = app.ClientFor(key);
        var ticker = TestTickers.Unique();
        await client.PinAsync(ticker, 20m);
        var wallet = MintHelpers.RandomWallet();
        var idempotencyKeys = new List<string>();

        foreach (var (delay, i) in DelaysMs.Select((d, i) => (d, i)))
        {
            var idempotencyKey = $"hang-up-{i}";
            idempotencyKeys.Add(idempotencyKey);
            await HangUpAsync(client.BaseAddress!, key, idempotencyKey, ticker, wallet, delay);
        }

        var mintIds = new HashSet<string>();
        foreach (var idempotencyKey in idempotencyKeys)
        {
            var retry = await client.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", idempotencyKey));
            ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
            mintIds.Add((await retry.JsonAsync()).Str("id"));
        }
        Assert.Equal(idempotencyKeys.Count, mintIds.Count);

        var mints = await SettledAsync(client, mintIds.Count);
        Assert.Equal(mintIds.Order(), mints.Select(m => m.Str("id")).Order());
        Assert.Equal(mintIds.Count, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        var address = (await client.TenantAsync()).Str("settlement_address");
        Assert.Equal(await client.BalanceAsync(), await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }

    /// Sends a mint over a raw socket and closes it after <paramref name="delayMs"/>, without reading the answer.
    private static async Task HangUpAsync(Uri origin, string key, string idempotencyKey, string ticker, string wallet, int delayMs)
    {
        var body = $$$"""{"asset":"{{{ticker}}}","quantity":"1","settlement":{"currency":"USDC","chain":"base","wallet":"{{{wallet}}}"}}""";
        var request = $"POST /v1/mint HTTP/1.1\r\nHost: {origin.Authority}\r\nAuthorization: Bearer {key}\r\nIdempotency-Key: {idempotencyKey}\r\n"
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

    /// This tenant's mints once none is still on its way (all settled or failed).
    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> SettledAsync(HttpClient client, int count)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = await (await client.GetAsync("/v1/mints?limit=100")).JsonAsync();
            var mints = page.GetProperty("data").EnumerateArray().ToList();
            if (mints.Count >= count && mints.All(m => m.Str("status") == "settled"))
            {
                return mints;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Mints still on their way: {string.Join(", ", mints.Select(m => m.Str("status")))}");
            await Task.Delay(50);
        }
    }
}
