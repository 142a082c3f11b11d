using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// The rows of one execution of a <see cref="SqliteStatement"/>, read forward. Disposing it resets the statement
/// for its next execution (and ends the statement's read before the transaction commits).
/// </summary>
internal readonly ref struct SqliteRows
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRows(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>Steps to the next row; false at the end.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    public bool IsDBNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;

    public long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

    public int GetInt32(int ordinal) => raw.sqlite3_column_int(_statement, ordinal);

    /// <summary>The column's bytes, valid until the next <see cref="Read"/> or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> GetBlob(int ordinal) => raw.sqlite3_column_blob(_statement, ordinal);

    public string GetString(int ordinal) => raw.sqlite3_column_text(_statement, ordinal).utf8_to_string();

    public void Dispose() => raw.sqlite3_reset(_statement);
}
