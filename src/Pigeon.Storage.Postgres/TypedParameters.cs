using Npgsql;
using NpgsqlTypes;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// Positional parameters with their PostgreSQL type given, so a statement resolves (functions, unnest) without the
/// server guessing: money exact to six places, times as UTC timestamptz, arrays of one column of a batch's commands.
/// </summary>
internal static class TypedParameters
{
    public static NpgsqlParameter Int64(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value is { } v ? v : DBNull.Value };

    public static NpgsqlParameter Int32(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    public static NpgsqlParameter Boolean(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };

    public static NpgsqlParameter Bytes(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };

    public static NpgsqlParameter Money(decimal value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, Value = ExactMoney.Check(value) };

    public static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.UtcDateTime : DBNull.Value };

    /// <summary>An array parameter of <paramref name="element"/> values.</summary>
    public static NpgsqlParameter Array(NpgsqlDbType element, System.Array values) => new() { NpgsqlDbType = NpgsqlDbType.Array | element, Value = values };

    /// <summary>One column of <paramref name="rows"/> as an array parameter, the row order kept.</summary>
    public static NpgsqlParameter Column<TRow, TValue>(IReadOnlyList<TRow> rows, NpgsqlDbType element, Func<TRow, TValue> value)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return Array(element, values);
    }

    /// <summary>A time column as UTC timestamptz values (null stays null).</summary>
    public static NpgsqlParameter TimeColumn<TRow>(IReadOnlyList<TRow> rows, Func<TRow, DateTimeOffset?> value) =>
        Column(rows, NpgsqlDbType.TimestampTz, row => value(row)?.UtcDateTime);

    /// <summary>A money column, each amount checked exact to six places.</summary>
    public static NpgsqlParameter MoneyColumn<TRow>(IReadOnlyList<TRow> rows, Func<TRow, decimal> value) =>
        Column(rows, NpgsqlDbType.Numeric, row => ExactMoney.Check(value(row)));
}
