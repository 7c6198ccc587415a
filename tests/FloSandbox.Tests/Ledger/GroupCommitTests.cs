using Dapper;
using FloSandbox.Core.Ledger;
using Microsoft.Extensions.Options;

namespace FloSandbox.Tests.Ledger;

/// Writes that wait for the ledger's connection share one transaction, each in a savepoint: a write that throws
/// leaves nothing behind and takes nothing of the others with it, and every caller's task completes only once its
/// changes are committed.
public sealed class GroupCommitTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flo-group-").FullName;
    private readonly LedgerDatabase _db;

    public GroupCommitTests() =>
        _db = new LedgerDatabase(Options.Create(new LedgerOptions { DataDirectory = _dir }), [new Schema()]);

    [Fact]
    public async Task Concurrent_Writes_Commit_Together_And_One_That_Throws_Changes_Nothing()
    {
        // The first write holds the connection until every other write is queued behind it, so they form one group.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _db.WriteAsync(async ledger =>
        {
            await Insert(ledger, 0);
            await release.Task;
            return 0;
        });
        var writes = Enumerable.Range(1, 20).Select(i => _db.WriteAsync(async ledger =>
        {
            await Insert(ledger, i);
            if (i % 5 == 0)
            {
                await Insert(ledger, 1000 + i); // a second row of the same write, rolled back with the first
                throw new InvalidOperationException($"write {i} refused");
            }
            return i;
        })).ToArray();
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        release.SetResult();
        await first;
        foreach (var (write, i) in writes.Select((w, i) => (w, i + 1)))
        {
            if (i % 5 == 0)
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => write);
                Assert.Equal($"write {i} refused", error.Message);
            }
            else
            {
                Assert.Equal(i, await write);
            }
        }

        var rows = await _db.ReadAsync(ledger => ledger.Connection.QueryAsync<int>("SELECT id FROM t ORDER BY id"));
        Assert.Equal(Enumerable.Range(0, 21).Where(i => i == 0 || i % 5 != 0), rows);
    }

    [Fact]
    public async Task A_Write_Cancelled_While_It_Waits_Never_Runs()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _db.WriteAsync(async ledger => { await Insert(ledger, 1); await release.Task; });
        using var cancel = new CancellationTokenSource();
        var waiting = _db.WriteAsync(ledger => Insert(ledger, 2), cancel.Token);

        await cancel.CancelAsync();
        release.SetResult();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal([1], await _db.ReadAsync(ledger => ledger.Connection.QueryAsync<int>("SELECT id FROM t")));
    }

    private static Task Insert(LedgerSession ledger, int id) =>
        ledger.Connection.ExecuteAsync("INSERT INTO t (id) VALUES (@id)", new { id }, ledger.Transaction);

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class Schema : ILedgerSchema
    {
        public string Name => "group_commit_test";

        public IReadOnlyList<string> Migrations { get; } = ["CREATE TABLE t (id INTEGER PRIMARY KEY)"];
    }
}
