using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FloSandbox.Core.Ledger;

/// The SQLite ledger. All writes go through one connection, one transaction at a time: SQLite serialises writers
/// anyway, and a single writer never sees SQLITE_BUSY. Writes that wait for the connection share the next
/// transaction, each in a savepoint of its own (group commit).
/// On a file database, reads use a pool of long-lived connections concurrently (WAL); in memory, the
/// single connection serves reads too. Every connection keeps its compiled statements
/// (<see cref="StatementCachingConnection"/>).
public sealed class LedgerDatabase : IAsyncDisposable
{
    private const int KeptReaders = 16;
    private const int MaxGroup = 64;
    private const string Savepoint = "w";
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _queueLock = new();
    private readonly Queue<IPendingWrite> _pending = new();
    private bool _leading;
    private readonly StatementCachingConnection _writer;
    private readonly string? _readConnectionString;
    private readonly ConcurrentBag<StatementCachingConnection> _readers = [];
    private volatile bool _disposed;

    static LedgerDatabase()
    {
        // Row classes name properties after columns: tenant_id ↔ TenantId.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public LedgerDatabase(IOptions<LedgerOptions> options, IEnumerable<ILedgerSchema> schemas)
    {
        var o = options.Value;
        string connectionString;
        if (o.InMemory)
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = $"flo-{Guid.NewGuid():N}",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(o.DatabasePath)!);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = o.DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            _readConnectionString = connectionString;
        }

        var writer = new SqliteConnection(connectionString);
        writer.Open();
        Pragma(writer, o.InMemory ? "PRAGMA foreign_keys=ON;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        new LedgerMigrator(schemas).Migrate(writer);
        _writer = new StatementCachingConnection(writer);
    }

    /// Runs <paramref name="work"/> in a transaction of its own or, when other writes are waiting, in a savepoint of
    /// one transaction shared with them (group commit: one COMMIT for the group). Either way the work's changes stand
    /// together or not at all: when it throws, they are rolled back and the exception is the caller's, and the other
    /// writes of the group are not affected. The returned task completes once the changes are committed.
    public Task<T> WriteAsync<T>(Func<LedgerSession, Task<T>> work, CancellationToken ct = default)
    {
        var write = new PendingWrite<T>(work, ct);
        bool lead;
        lock (_queueLock)
        {
            _pending.Enqueue(write);
            lead = !_leading;
            _leading = true;
        }
        if (lead)
        {
            _ = LeadAsync();
        }
        return write.Task;
    }

    public Task WriteAsync(Func<LedgerSession, Task> work, CancellationToken ct = default) =>
        WriteAsync(async ledger => { await work(ledger); return true; }, ct);

    /// Commits one group (the writes waiting now), then hands what arrived meanwhile to another leader, so the write
    /// that started leading waits for its own group only.
    private async Task LeadAsync()
    {
        List<IPendingWrite> group;
        lock (_queueLock)
        {
            group = TakeGroup();
        }
        if (group.Count > 0)
        {
            await WriteGroupAsync(group);
        }
        bool more;
        lock (_queueLock)
        {
            more = _pending.Count > 0;
            _leading = more;
        }
        if (more)
        {
            _ = Task.Run(LeadAsync);
        }
    }

    private List<IPendingWrite> TakeGroup()
    {
        var group = new List<IPendingWrite>();
        while (group.Count < MaxGroup && _pending.TryDequeue(out var write))
        {
            if (!write.TryCancel())
            {
                group.Add(write);
            }
        }
        return group;
    }

    private async Task WriteGroupAsync(List<IPendingWrite> group)
    {
        await _writeLock.WaitAsync();
        var done = new List<IPendingWrite>(group.Count);
        try
        {
            using var tx = _writer.Inner.BeginTransaction();
            var session = new LedgerSession(_writer, tx);
            if (group.Count == 1)
            {
                await group[0].RunAsync(session);
                done.Add(group[0]);
            }
            else
            {
                foreach (var write in group)
                {
                    tx.Save(Savepoint);
                    try
                    {
                        await write.RunAsync(session);
                        tx.Release(Savepoint);
                        done.Add(write);
                    }
                    catch (Exception ex)
                    {
                        tx.Rollback(Savepoint);
                        tx.Release(Savepoint);
                        write.Fail(ex);
                    }
                }
            }
            tx.Commit();
        }
        catch (Exception ex)
        {
            // The work of a lone write, or the group's commit, failed: nothing of the transaction stands.
            foreach (var write in group)
            {
                write.Fail(ex);
            }
            return;
        }
        finally
        {
            _writeLock.Release();
        }
        foreach (var write in done)
        {
            write.Complete();
        }
    }

    private interface IPendingWrite
    {
        Task RunAsync(LedgerSession session);
        void Complete();
        void Fail(Exception ex);
        bool TryCancel();
    }

    private sealed class PendingWrite<T>(Func<LedgerSession, Task<T>> work, CancellationToken ct) : IPendingWrite
    {
        // Callers resume on the leader's thread once the group committed (each until its next await), rather than one
        // thread-pool hop each: measured 20 % more mints/s. A caller that writes again only queues (a leader is active).
        private readonly TaskCompletionSource<T> _done = new();
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public async Task RunAsync(LedgerSession session) => _result = await work(session);

        public void Complete() => _done.TrySetResult(_result);

        public void Fail(Exception ex) => _done.TrySetException(ex);

        public bool TryCancel() => ct.IsCancellationRequested && _done.TrySetCanceled(ct);
    }

    public async Task<T> ReadAsync<T>(Func<LedgerSession, Task<T>> work, CancellationToken ct = default)
    {
        if (_readConnectionString is null)
        {
            await _writeLock.WaitAsync(ct);
            try
            {
                return await work(new LedgerSession(_writer, null));
            }
            finally
            {
                _writeLock.Release();
            }
        }

        var reader = RentReader();
        try
        {
            return await work(new LedgerSession(reader, null));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    private StatementCachingConnection RentReader()
    {
        if (_readers.TryTake(out var reader))
        {
            return reader;
        }
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return new StatementCachingConnection(connection);
    }

    private void ReturnReader(StatementCachingConnection reader)
    {
        if (!_disposed && _readers.Count < KeptReaders)
        {
            _readers.Add(reader);
        }
        else
        {
            reader.Dispose();
        }
    }

    /// A cheap round trip, for readiness.
    public Task<bool> PingAsync(CancellationToken ct) =>
        ReadAsync(async session =>
        {
            await using var cmd = session.Connection.CreateCommand();
            cmd.CommandText = "SELECT 1";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct)) == 1;
        }, ct);

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _writer.DisposeAsync();
        _writeLock.Dispose();
        while (_readers.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }
        if (_readConnectionString is not null)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
