using Pigeon.Gateway.Storage;
using Pigeon.Server.Options;
using Pigeon.Storage.Postgres;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Server.Core;

/// <summary>Opens the store a <see cref="DatabaseLocation"/> names.</summary>
internal static class GatewayStores
{
    public static IGatewayStore Open(DatabaseLocation location, TimeProvider timeProvider) => location.Engine switch
    {
        DatabaseEngine.Sqlite => OpenSqlite(location.ConnectionString, timeProvider),
        DatabaseEngine.Postgres => new PostgresGatewayStore(new PostgresStoreOptions { ConnectionString = location.ConnectionString }, timeProvider),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Engine, "Unknown engine."),
    };

    private static SqliteGatewayStore OpenSqlite(string path, TimeProvider timeProvider)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteGatewayStore(new SqliteStoreOptions { Path = path }, timeProvider);
    }
}
