using Microsoft.Data.Sqlite;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// A statement of the writer connection, prepared once and executed again and again with new values: SQLite
/// compiles its SQL once, not once per message.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteStatement(SqliteConnection connection, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter { ParameterName = names[i], Value = DBNull.Value });
        }

        _command.Prepare();
    }

    /// <summary>Sets the values, in the order of the names given at construction, and the transaction to run in.</summary>
    public SqliteStatement Bind(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        _command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return this;
    }

    public int Execute() => _command.ExecuteNonQuery();

    public SqliteDataReader Read() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
