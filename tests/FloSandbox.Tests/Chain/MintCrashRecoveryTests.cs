using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;
using FloSandbox.Tests.Webhooks;

namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL while 200 mints are in flight, then started again on the same data:
/// every idempotency key names exactly one mint, none is left half-way, the ledger equals the chain, and
/// every mint's settlement event reaches the subscriber at least once.
public sealed class MintCrashRecoveryTests : IDisposable
{
    private const int Mints = 200;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-mint-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_Sigkill_During_200_Concurrent_Mints_Leaves_One_Settled_Mint_Per_Key_And_Ledger_Equal_To_Chain()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGKILL and parent-death signals
        }
        var open = ("Market:Mode", "open");
        await using var receiver = await WebhookReceiver.StartAsync();
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();
        var wallet = MintHelpers.RandomWallet();

        var first = await SandboxProcess.StartAsync(_dataDir, open);
        using (var client = ClientFor(first, key))
        {
            var created = await (await client.PostJsonAsync("/v1/webhooks", new { url = receiver.Url, events = new[] { "mint.settled" } })).JsonAsync();
            receiver.Secret = created.Str("secret");
            await client.PinAsync(ticker, 20m);

            using var stop = new CancellationTokenSource();
            var answered = 0;
            var flights = Enumerable.Range(0, Mints).Select(async i =>
            {
                try
                {
                    await client.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", $"crash-{i}")).WaitAsync(stop.Token);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    // The process died under this request: its client never learned what happened.
                }
            }).ToList();
            while (Volatile.Read(ref answered) < Mints / 4)
            {
                await Task.Delay(5);
            }
            first.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(flights);
            Assert.True(answered < Mints, "every mint had finished before the kill");
        }
        first.Dispose();

        using var second = await SandboxProcess.StartAsync(_dataDir, open);
        using var retry = ClientFor(second, key);
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Mints), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var response = await retry.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", $"crash-{i}"));
            ProblemAssert.IsStatus(response, HttpStatusCode.OK);
            ids.Add((await response.JsonAsync()).Str("id"));
        });
        Assert.Equal(Mints, ids.Distinct().Count());

        var mints = await AllMintsAsync(retry);
        Assert.Equal(ids.Order(), mints.Select(m => m.Str("id")).Order());
        var unsettled = mints.Where(m => m.Str("status") != "settled").ToList();
        Assert.True(unsettled.Count == 0, $"{unsettled.Count} mints not settled: {string.Join("; ", unsettled.Take(3).Select(m => m.ToString()))}");

        var address = (await retry.TenantAsync()).Str("settlement_address");
        Assert.Equal(await retry.BalanceAsync(), await ChainReads.BalanceOfAsync(retry, "base", ChainReads.Usdc, address));
        Assert.Equal(Mints, await ChainReads.TokenBalanceAsync(retry, ticker, "base", wallet));
        var spent = mints.Sum(m => decimal.Parse(m.Str("total_usdc"), CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000m - spent, await retry.BalanceAsync());

        var settled = ids.ToHashSet();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (!settled.SetEquals(receiver.Received.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").Str("id"))))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline,
                $"{settled.Except(receiver.Received.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").Str("id"))).Count()} settlements never delivered");
            await Task.Delay(100);
        }
    }

    private static HttpClient ClientFor(SandboxProcess sandbox, string key)
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<IReadOnlyList<JsonElement>> AllMintsAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var all = new List<JsonElement>();
            string? after = null;
            do
            {
                var page = await (await client.GetAsync("/v1/mints?limit=100" + (after is null ? "" : $"&starting_after={after}"))).JsonAsync();
                all.AddRange(page.GetProperty("data").EnumerateArray());
                after = page.GetProperty("has_more").GetBoolean() ? page.Str("next_cursor") : null;
            }
            while (after is not null);
            if (all.All(m => m.Str("status") is "settled" or "failed") || DateTimeOffset.UtcNow > deadline)
            {
                return all;
            }
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (OperatingSystem.IsLinux())
        {
            foreach (var node in ProcTable.AnvilsUsing(_dataDir))
            {
                ProcTable.Signal(node.Pid, ProcTable.SigKill);
            }
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
