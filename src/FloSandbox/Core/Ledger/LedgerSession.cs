using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Core.Ledger;

/// One piece of work on the ledger: a write inside its transaction (<see cref="LedgerDatabase.WriteAsync{T}"/>)
/// or a read (<see cref="LedgerDatabase.ReadAsync{T}"/>). Features hand it from the database to the stores
/// and books they call; only those look inside, so SQL stays behind them.
public sealed class LedgerSession
{
    internal LedgerSession(DbConnection connection, SqliteTransaction? transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    /// The connection, whose commands reuse each SQL text's compiled statement.
    public DbConnection Connection { get; }

    /// The write transaction; null for a read.
    public SqliteTransaction? Transaction { get; }

    public void Deconstruct(out DbConnection connection, out SqliteTransaction? transaction)
    {
        connection = Connection;
        transaction = Transaction;
    }
}
