using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL while redeems are in flight, then started again on the same data: every
/// idempotency key names exactly one redeem, every redeem settles, and the ledger equals the chain (tokens
/// burned once, proceeds paid once).
public sealed class RedeemCrashRecoveryTests : IDisposable
{
    private const int Redeems = 150;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-redeem-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_Sigkill_During_Concurrent_Redeems_Leaves_One_Settled_Redeem_Per_Key_And_Ledger_Equal_To_Chain()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGKILL and parent-death signals
        }
        var open = ("Market:Mode", "open");
        var key = SandboxFactory.NewKey();
        var ticker = TestTickers.Unique();
        string mintId;

        var first = await SandboxProcess.StartAsync(_dataDir, open);
        using (var client = ClientFor(first, key))
        {
            await client.PinAsync(ticker, 20m);
            var mint = await (await client.MintAsync(ticker, Redeems)).JsonAsync();
            Assert.Equal("settled", mint.Str("status"));
            mintId = mint.Str("id");

            using var stop = new CancellationTokenSource();
            var answered = 0;
            var flights = Enumerable.Range(0, Redeems).Select(async i =>
            {
                try
                {
                    await client.RedeemAsync(mintId, 1m, headers: ("Idempotency-Key", $"crash-{i}")).WaitAsync(stop.Token);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    // The process died under this request: its client never learned what happened.
                }
            }).ToList();
            while (Volatile.Read(ref answered) < Redeems / 10)
            {
                await Task.Delay(5);
            }
            first.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(flights);
            Assert.True(answered < Redeems, "every redeem had finished before the kill");
        }
        first.Dispose();

        using var second = await SandboxProcess.StartAsync(_dataDir, open);
        using var retry = ClientFor(second, key);
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Redeems), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var response = await retry.RedeemAsync(mintId, 1m, headers: ("Idempotency-Key", $"crash-{i}"));
            ProblemAssert.IsStatus(response, HttpStatusCode.OK);
            ids.Add((await response.JsonAsync()).Str("id"));
        });
        Assert.Equal(Redeems, ids.Distinct().Count());

        var redeems = await AllSettledAsync(retry);
        Assert.Equal(ids.Order(), redeems.Select(r => r.Str("id")).Order());
        var unsettled = redeems.Where(r => r.Str("status") != "settled").ToList();
        Assert.True(unsettled.Count == 0, $"{unsettled.Count} redeems not settled: {string.Join("; ", unsettled.Take(3).Select(r => r.ToString()))}");

        var address = (await retry.TenantAsync()).Str("settlement_address");
        Assert.Equal(0m, await ChainReads.TokenBalanceAsync(retry, ticker, "base", address));
        Assert.Equal(0m, await retry.HeldAsync(ticker));
        Assert.Equal(await retry.BalanceAsync(), await ChainReads.BalanceOfAsync(retry, "base", ChainReads.Usdc, address));
        var mintTotal = (await (await retry.GetAsync($"/v1/mints/{mintId}")).JsonAsync()).Dec("total_usdc");
        var proceeds = redeems.Sum(r => decimal.Parse(r.Str("proceeds_usdc"), CultureInfo.InvariantCulture));
        Assert.Equal(1_000_000m - mintTotal + proceeds, await retry.BalanceAsync());
    }

    private static HttpClient ClientFor(SandboxProcess sandbox, string key)
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<IReadOnlyList<JsonElement>> AllSettledAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var all = new List<JsonElement>();
            string? after = null;
            do
            {
                var page = await (await client.GetAsync("/v1/redeems?limit=100" + (after is null ? "" : $"&starting_after={after}"))).JsonAsync();
                all.AddRange(page.GetProperty("data").EnumerateArray());
                after = page.GetProperty("has_more").GetBoolean() ? page.Str("next_cursor") : null;
            }
            while (after is not null);
            if (all.All(r => r.Str("status") is "settled" or "failed") || DateTimeOffset.UtcNow > deadline)
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
