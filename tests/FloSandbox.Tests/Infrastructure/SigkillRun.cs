using System.Text.Json;
using FloSandbox.Tests.Chain;
using FloSandbox.Tests.Webhooks;

namespace FloSandbox.Tests.Infrastructure;

/// The sandbox as a child process on a data directory of its own, killed with SIGKILL while keyed requests are
/// in flight and started again on the same data: fire the requests, kill, send every one again with its key,
/// read the outcome back. Dispose stops whatever Anvil nodes the run left and deletes the data.
internal sealed class SigkillRun(string name) : IDisposable
{
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(60);

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"flo-{name}-crash-" + Guid.NewGuid().ToString("N"));

    /// SIGKILL and parent-death signals are Linux's; elsewhere the crash tests pass without running.
    public static bool Supported => OperatingSystem.IsLinux();

    public Task<SandboxProcess> StartAsync(params (string Key, string Value)[] settings) => SandboxProcess.StartAsync(DataDir, settings);

    /// Requests in flight at once during <see cref="KillDuringAsync"/>.
    public const int InFlight = 16;

    public static HttpClient ClientFor(SandboxProcess sandbox, string key)
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// Sends <paramref name="count"/> requests (<paramref name="send"/> sends number i with its key), <paramref name="inFlight"/>
    /// (by default <see cref="InFlight"/>) at a time so that requests are at every stage when the kill comes (orders in flight together settle in one
    /// transaction, so all at once they would be answered all at once), while <paramref name="meanwhile"/> runs over and
    /// over beside them, and kills the sandbox with SIGKILL once <paramref name="killAfter"/> have been answered; the
    /// requests it was serving never learn what happened, and those not sent yet are never sent.
    public static async Task KillDuringAsync(SandboxProcess sandbox, int count, int killAfter, Func<int, Task> send, Func<Task>? meanwhile = null,
        int inFlight = InFlight)
    {
        using var stop = new CancellationTokenSource();
        using var slots = new SemaphoreSlim(inFlight);
        var (answered, started) = (0, 0);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var flights = Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                await slots.WaitAsync(stop.Token);
                Interlocked.Increment(ref started);
                try
                {
                    await send(i).WaitAsync(stop.Token);
                }
                finally
                {
                    slots.Release();
                }
                if (Interlocked.Increment(ref answered) >= killAfter)
                {
                    enough.TrySetResult(); // kill at once: answers come in bursts (orders settled by one transaction)
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The process died under this request.
            }
        }).ToList();
        var beside = Task.Run(async () =>
        {
            while (meanwhile is not null && !stop.IsCancellationRequested)
            {
                try
                {
                    await meanwhile().WaitAsync(stop.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                }
            }
        });
        await Task.WhenAny(enough.Task, Task.WhenAll(flights));
        sandbox.KillHard();
        var underWay = Volatile.Read(ref started) - Volatile.Read(ref answered);
        await stop.CancelAsync();
        await Task.WhenAll([.. flights, beside]);
        Assert.True(answered < count, "every request had been answered before the kill");
        Assert.True(underWay > 0, "no request was under way at the kill");
    }

    /// Sends every request again with its key, eight at a time; <paramref name="resend"/> checks the answer and
    /// returns the id it names. Each key names its own order: the ids, by request number, are all distinct.
    public static async Task<string[]> RetryEveryKeyAsync(int count, Func<int, Task<string>> resend)
    {
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => ids[i] = await resend(i));
        Assert.Equal(count, ids.Distinct().Count());
        return ids;
    }

    /// Every resource of a list route (all pages of <paramref name="path"/>), read again until each has one of the
    /// <paramref name="final"/> statuses or a minute has passed.
    public static async Task<IReadOnlyList<JsonElement>> ListWhenFinalAsync(HttpClient client, string path, params string[] final)
    {
        var deadline = DateTimeOffset.UtcNow + SettleWithin;
        while (true)
        {
            var all = new List<JsonElement>();
            string? after = null;
            do
            {
                var page = await (await client.GetAsync($"{path}?limit=100" + (after is null ? "" : $"&starting_after={after}"))).JsonAsync();
                all.AddRange(page.GetProperty("data").EnumerateArray());
                after = page.GetProperty("has_more").GetBoolean() ? page.Str("next_cursor") : null;
            }
            while (after is not null);
            if (all.All(r => final.Contains(r.Str("status"))) || DateTimeOffset.UtcNow > deadline)
            {
                return all;
            }
            await Task.Delay(100);
        }
    }

    /// Waits (a minute at most) until <paramref name="receiver"/> has had an event about each of <paramref name="ids"/>.
    public static async Task EventsReachAsync(WebhookReceiver receiver, IEnumerable<string> ids)
    {
        var expected = ids.ToHashSet();
        var deadline = DateTimeOffset.UtcNow + SettleWithin;
        while (true)
        {
            var missing = expected.Except(receiver.Received.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").Str("id"))).ToList();
            if (missing.Count == 0)
            {
                return;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{missing.Count} events never delivered");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (Supported)
        {
            // Nodes left behind by a failed assertion: they name this run's own data directory.
            foreach (var node in ProcTable.AnvilsUsing(DataDir))
            {
                ProcTable.Signal(node.Pid, ProcTable.SigKill);
            }
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
