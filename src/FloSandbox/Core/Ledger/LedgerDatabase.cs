using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FloSandbox.Core.Ledger;

/// The SQLite ledger. All writes go through one connection under one async lock, each in its own
/// transaction: SQLite serialises writers anyway, and a single writer never sees SQLITE_BUSY.
/// On a file database, reads use a pool of long-lived connections concurrently (WAL); in memory, the
/// single connection serves reads too. Every connection keeps its compiled statements
/// (<see cref="StatementCachingConnection"/>).
public sealed class LedgerDatabase : IAsyncDisposable
{
    private const int KeptReaders = 16;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
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

    /// Runs <paramref name="work"/> in one transaction; commits when it returns, rolls back when it throws.
    public async Task<T> WriteAsync<T>(Func<LedgerSession, Task<T>> work, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            using var tx = _writer.Inner.BeginTransaction();
            var result = await work(new LedgerSession(_writer, tx));
            tx.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task WriteAsync(Func<LedgerSession, Task> work, CancellationToken ct = default) =>
        WriteAsync(async ledger => { await work(ledger); return true; }, ct);

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
