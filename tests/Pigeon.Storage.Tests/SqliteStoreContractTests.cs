using Pigeon.Gateway.Storage;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Storage.Tests;

/// <summary>The storage contract on SQLite: a real database file in a fresh temporary directory per test.</summary>
public sealed class SqliteStoreContractTests : GatewayStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pigeon-sqlite-").FullName;

    protected override ValueTask<IGatewayStore> OpenStoreAsync() =>
        ValueTask.FromResult<IGatewayStore>(new SqliteGatewayStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "data", "pigeon.db") }, TimeProvider.System));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
