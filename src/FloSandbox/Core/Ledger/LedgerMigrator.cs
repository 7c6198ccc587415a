using Dapper;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Core.Ledger;

internal sealed class LedgerMigrator(IEnumerable<ILedgerSchema> schemas)
{
    public void Migrate(SqliteConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                schema_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (schema_name, version)
            )
            """);
        foreach (var schema in schemas.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var applied = connection.ExecuteScalar<long>(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE schema_name = @Name", new { schema.Name });
            for (var version = (int)applied + 1; version <= schema.Migrations.Count; version++)
            {
                using var tx = connection.BeginTransaction();
                connection.Execute(schema.Migrations[version - 1], transaction: tx);
                connection.Execute("INSERT INTO schema_migrations (schema_name, version) VALUES (@Name, @version)",
                    new { schema.Name, version }, tx);
                tx.Commit();
            }
        }
    }
}
