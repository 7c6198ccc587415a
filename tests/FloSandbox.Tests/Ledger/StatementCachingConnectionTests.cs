using Dapper;
using FloSandbox.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Tests.Ledger;

/// The ledger's connections keep each SQL text's compiled statement. Reuse must never change an answer:
/// parameters of one call never leak into the next, a failed statement runs again, a list expanded by
/// Dapper binds, a reader still open on a text leaves the next use of that text its own command, and a
/// kept statement never pins a read snapshot.
public sealed class StatementCachingConnectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flo-stmt-").FullName;
    private readonly StatementCachingConnection _db;

    public StatementCachingConnectionTests()
    {
        _db = Open();
        _db.Execute("PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER);");
    }

    [Fact]
    public void The_Same_Text_Runs_From_One_Kept_Statement_With_Each_Calls_Own_Parameters()
    {
        for (var i = 1; i <= 200; i++)
        {
            _db.Execute("INSERT INTO t (id, name, n) VALUES (@id, @name, @n)", new { id = i, name = $"n{i}", n = i * 10 });
        }
        var kept = _db.CachedStatements;

        for (var i = 1; i <= 200; i++)
        {
            Assert.Equal(i * 10, _db.QuerySingle<int>("SELECT n FROM t WHERE id = @id", new { id = i }));
        }

        Assert.Equal(kept + 1, _db.CachedStatements);
        Assert.Equal(200, _db.ExecuteScalar<int>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void A_Missing_Parameter_Is_Refused_Rather_Than_Taken_From_The_Previous_Call()
    {
        Assert.Equal(0, _db.ExecuteScalar<int>("SELECT count(*) FROM t WHERE name = @name", new { name = "x" }));

        Assert.Throws<InvalidOperationException>(() => _db.ExecuteScalar<int>("SELECT count(*) FROM t WHERE name = @name"));
    }

    [Fact]
    public void A_Statement_That_Failed_Runs_Again()
    {
        const string insert = "INSERT INTO t (name) VALUES (@name)";
        _db.Execute(insert, new { name = "a" });

        Assert.Throws<SqliteException>(() => _db.Execute(insert, new { name = "a" }));
        _db.Execute(insert, new { name = "b" });

        Assert.Equal(["a", "b"], _db.Query<string>("SELECT name FROM t ORDER BY name"));
    }

    [Fact]
    public void A_List_Expanded_For_In_Binds_Whatever_Its_Length()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            _db.Execute("INSERT INTO t (name) VALUES (@name)", new { name });
        }
        const string sql = "SELECT name FROM t WHERE name NOT IN @skip AND id > @after ORDER BY name";

        Assert.Equal(["a", "b", "c"], _db.Query<string>(sql, new { skip = Array.Empty<string>(), after = 0 }));
        Assert.Equal(["b"], _db.Query<string>(sql, new { skip = new[] { "a", "c" }, after = 0 }));
        Assert.Equal(["a", "c"], _db.Query<string>(sql, new { skip = new[] { "b" }, after = 0 }));
    }

    [Fact]
    public void A_Text_Whose_Reader_Is_Still_Open_Gets_A_Command_Of_Its_Own()
    {
        foreach (var name in new[] { "a", "b" })
        {
            _db.Execute("INSERT INTO t (name) VALUES (@name)", new { name });
        }
        const string sql = "SELECT name FROM t WHERE name >= @from ORDER BY name";

        using var open = _db.ExecuteReader(sql, new { from = "a" });
        Assert.True(open.Read());
        Assert.Equal(["b"], _db.Query<string>(sql, new { from = "b" }));
        Assert.Equal("a", open.GetString(0));
        Assert.True(open.Read());
        Assert.Equal("b", open.GetString(0));
    }

    [Fact]
    public void A_Kept_Read_Statement_Sees_Later_Commits_Of_Another_Connection()
    {
        using var reader = Open();
        const string count = "SELECT count(*) FROM t";
        Assert.Equal(0, reader.ExecuteScalar<int>(count));

        using (var tx = _db.BeginTransaction())
        {
            _db.Execute("INSERT INTO t (name) VALUES ('a')", transaction: tx);
            tx.Commit();
        }

        Assert.Equal(1, reader.ExecuteScalar<int>(count));
    }

    [Fact]
    public void Work_Rolled_Back_Leaves_Nothing_And_The_Statements_Stay_Usable()
    {
        const string insert = "INSERT INTO t (name) VALUES (@name)";
        using (var tx = _db.BeginTransaction())
        {
            _db.Execute(insert, new { name = "gone" }, tx);
            tx.Rollback();
        }

        _db.Execute(insert, new { name = "kept" });

        Assert.Equal(["kept"], _db.Query<string>("SELECT name FROM t"));
    }

    private StatementCachingConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "ledger.db")};Pooling=False");
        connection.Open();
        return new StatementCachingConnection(connection);
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
