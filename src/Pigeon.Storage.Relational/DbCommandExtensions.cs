using System.Data.Common;
using Pigeon.Gateway.Identity;

namespace Pigeon.Storage.Relational;

/// <summary>Parameters and nullable reads written once for both engines.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, MessageId? value) => command.With(name, value?.Value);

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetInt64OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? GetInt32OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static MessageId? GetMessageIdOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new MessageId(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetTimeOrNull(this DbDataReader reader, ISqlDialect dialect, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadTime(reader, ordinal);

    public static object? TimeOrNull(this ISqlDialect dialect, DateTimeOffset? time) => time is { } value ? dialect.Time(value) : null;

    /// <summary>Lists kept one item a line (addresses, ranges, prefixes never contain a line break).</summary>
    public static string JoinLines(IReadOnlyList<string> items) => string.Join('\n', items);

    public static IReadOnlyList<string> SplitLines(string text) =>
        text.Length == 0 ? [] : text.Split('\n');
}
