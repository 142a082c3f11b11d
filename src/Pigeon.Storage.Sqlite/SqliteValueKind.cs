namespace Pigeon.Storage.Sqlite;

/// <summary>What a <see cref="SqliteValue"/> holds; the default is NULL.</summary>
internal enum SqliteValueKind
{
    Null,
    Integer,
    Text,
    Blob,
}
