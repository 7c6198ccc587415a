using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace FloSandbox.Core.Ledger;

/// A long-lived SQLite connection that keeps each SQL text's compiled statement and reuses it.
/// Microsoft.Data.Sqlite compiles the SQL of every new command again (dotnet/efcore#14044), and with the
/// ledger's short statements compiling cost more than running them. Commands made here (Dapper makes one
/// per call) borrow the cached command for their text, rebind its parameters and give it back when
/// disposed; a text already in use (a reader still open on it) gets a command of its own for that use.
internal sealed class StatementCachingConnection(SqliteConnection inner, int capacity = 512) : DbConnection
{
    private readonly Dictionary<string, CachedStatement> _cache = new(StringComparer.Ordinal);

    public SqliteConnection Inner { get; } = inner;

    /// How many SQL texts have a statement kept.
    public int CachedStatements
    {
        get
        {
            lock (_cache)
            {
                return _cache.Count;
            }
        }
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => throw new NotSupportedException("The ledger's connections are opened once.");
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Open() => Inner.Open();

    public override void Close() => Inner.Close();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new StatementCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_cache)
            {
                foreach (var cached in _cache.Values)
                {
                    cached.Command.Dispose();
                }
                _cache.Clear();
            }
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// The command for <paramref name="sql"/>, cached when it can be; <paramref name="cached"/> is set
    /// when it must be given back rather than disposed.
    private SqliteCommand Rent(string sql, out CachedStatement? cached)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(sql, out cached))
            {
                if (!cached.InUse)
                {
                    cached.InUse = true;
                    return cached.Command;
                }
                cached = null;
            }
            else if (_cache.Count < capacity)
            {
                cached = new CachedStatement(Fresh(sql)) { InUse = true };
                _cache.Add(sql, cached);
                return cached.Command;
            }
        }
        return Fresh(sql);
    }

    private SqliteCommand Fresh(string sql)
    {
        var command = Inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Return(CachedStatement cached)
    {
        lock (_cache)
        {
            cached.Command.Transaction = null;
            cached.Command.Parameters.Clear();
            cached.InUse = false;
        }
    }

    private sealed class CachedStatement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public bool InUse { get; set; }
    }

    /// What a caller (Dapper) holds: its text, parameters and settings, applied to the borrowed command
    /// when it runs (Dapper may rewrite the text after adding parameters, to expand a list for IN).
    private sealed class StatementCommand(StatementCachingConnection owner) : DbCommand
    {
        private readonly StatementParameters _parameters = new();
        private SqliteCommand? _rented;
        private CachedStatement? _cached;
        private string _text = "";
        private SqliteTransaction? _transaction;
        private int _timeout = 30;

        [AllowNull]
        public override string CommandText
        {
            get => _text;
            set => _text = value ?? "";
        }

        public override int CommandTimeout
        {
            get => _timeout;
            set => _timeout = value;
        }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text)
                {
                    throw new ArgumentException("SQLite runs only text commands.", nameof(value));
                }
            }
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => owner;
            set => throw new NotSupportedException("A ledger command belongs to its connection.");
        }

        protected override DbParameterCollection DbParameterCollection => _parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _transaction;
            set => _transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => _rented?.Cancel();

        public override int ExecuteNonQuery()
        {
            try
            {
                return Rent().ExecuteNonQuery();
            }
            finally
            {
                Release();
            }
        }

        public override object? ExecuteScalar()
        {
            try
            {
                return Rent().ExecuteScalar();
            }
            finally
            {
                Release();
            }
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        /// The command stays borrowed while its reader is read, until this command is disposed or runs again.
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            try
            {
                return Rent().ExecuteReader(behavior);
            }
            catch
            {
                Release();
                throw;
            }
        }

        private SqliteCommand Rent()
        {
            Release();
            var command = owner.Rent(_text, out _cached);
            _rented = command;
            foreach (var parameter in _parameters)
            {
                command.Parameters.Add(parameter);
            }
            command.Transaction = _transaction;
            command.CommandTimeout = _timeout;
            return command;
        }

        private void Release()
        {
            if (_cached is not null)
            {
                owner.Return(_cached);
            }
            else
            {
                _rented?.Dispose();
            }
            (_rented, _cached) = (null, null);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
            }
            base.Dispose(disposing);
        }
    }

    /// A command's parameters, kept apart from the borrowed command's.
    private sealed class StatementParameters : DbParameterCollection
    {
        private readonly List<SqliteParameter> _items = [];

        public override int Count => _items.Count;

        public override object SyncRoot => _items;

        public override int Add(object value)
        {
            _items.Add((SqliteParameter)value);
            return _items.Count - 1;
        }

        public override void AddRange(Array values)
        {
            foreach (var value in values)
            {
                Add(value!);
            }
        }

        public override void Clear() => _items.Clear();

        public override bool Contains(object value) => _items.Contains((SqliteParameter)value);

        public override bool Contains(string value) => IndexOf(value) >= 0;

        public override void CopyTo(Array array, int index) => ((System.Collections.ICollection)_items).CopyTo(array, index);

        public override System.Collections.IEnumerator GetEnumerator() => _items.GetEnumerator();

        public override int IndexOf(object value) => _items.IndexOf((SqliteParameter)value);

        public override int IndexOf(string parameterName) =>
            _items.FindIndex(p => string.Equals(p.ParameterName, parameterName, StringComparison.Ordinal));

        public override void Insert(int index, object value) => _items.Insert(index, (SqliteParameter)value);

        public override void Remove(object value) => _items.Remove((SqliteParameter)value);

        public override void RemoveAt(int index) => _items.RemoveAt(index);

        public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOf(parameterName));

        protected override DbParameter GetParameter(int index) => _items[index];

        protected override DbParameter GetParameter(string parameterName) =>
            IndexOf(parameterName) is var i and >= 0 ? _items[i] : throw new ArgumentException($"No parameter {parameterName}.", nameof(parameterName));

        protected override void SetParameter(int index, DbParameter value) => _items[index] = (SqliteParameter)value;

        protected override void SetParameter(string parameterName, DbParameter value) =>
            _items[IndexOf(parameterName) is var i and >= 0 ? i : throw new ArgumentException($"No parameter {parameterName}.", nameof(parameterName))] = (SqliteParameter)value;
    }
}
