namespace Pigeon.Storage.Sqlite;

/// <summary>
/// One value to bind to a <see cref="SqliteStatement"/> parameter: NULL, an integer, text or a blob. A struct with
/// implicit conversions, so <c>Bind(id, text, (int?)number)</c> passes its values on the stack: the writer binds
/// about a hundred values per message, and boxing each into an object was an allocation per value.
/// </summary>
internal readonly struct SqliteValue
{
    private SqliteValue(SqliteValueKind kind, long integer, object? reference)
    {
        Kind = kind;
        Integer = integer;
        Reference = reference;
    }

    public SqliteValueKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="SqliteValueKind.Integer"/>.</summary>
    public long Integer { get; }

    /// <summary>The string or byte array when <see cref="Kind"/> is Text or Blob.</summary>
    public object? Reference { get; }

    // Integers of every width arrive here through the standard widening to long (or long?).
    public static implicit operator SqliteValue(long value) => new(SqliteValueKind.Integer, value, null);

    public static implicit operator SqliteValue(long? value) => value is { } v ? new(SqliteValueKind.Integer, v, null) : default;

    public static implicit operator SqliteValue(string? value) => value is null ? default : new(SqliteValueKind.Text, 0, value);

    public static implicit operator SqliteValue(byte[]? value) => value is null ? default : new(SqliteValueKind.Blob, 0, value);
}
