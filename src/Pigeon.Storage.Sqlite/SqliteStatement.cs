using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// A statement of the writer connection, prepared once (SQLITE_PREPARE_PERSISTENT) and executed again and again with
/// new values. It runs on SQLite's own handle, not through SqliteCommand: the writer executes a dozen statements per
/// message, and SqliteCommand costs per execution what the statement itself costs (it looks every parameter up by
/// name, walks its statement list and builds a data reader each time). Values are bound by position, in the order of
/// the SQL's parameters. Runs inside the transaction the connection has open; not thread-safe (one writer loop).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _parameterCount;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        _parameterCount = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>Sets the values, in the order the parameters appear in the SQL.</summary>
    public SqliteStatement Bind(params ReadOnlySpan<SqliteValue> values)
    {
        if (values.Length != _parameterCount)
        {
            throw new ArgumentException($"The statement has {_parameterCount} parameters, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var value = values[i];
            var rc = value.Kind switch
            {
                SqliteValueKind.Integer => raw.sqlite3_bind_int64(_statement, index, value.Integer),
                SqliteValueKind.Text => raw.sqlite3_bind_text(_statement, index, (string)value.Reference!),
                SqliteValueKind.Blob => raw.sqlite3_bind_blob(_statement, index, (byte[])value.Reference!),
                _ => raw.sqlite3_bind_null(_statement, index),
            };
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return this;
    }

    /// <summary>Runs the statement to its end; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement for its rows: read them, then dispose the cursor (which resets the statement).</summary>
    public SqliteRows Read() => new(_db, _statement);

    public void Dispose() => _statement.Dispose();
}
