using Pigeon.Gateway.Storage;
using Pigeon.Storage.Postgres;

namespace Pigeon.Storage.Tests;

/// <summary>The storage contract on a real PostgreSQL server, in a database of this class's own.</summary>
public sealed class PostgresStoreContractTests(PostgresServer server) : GatewayStoreContract
{
    protected override async ValueTask<IGatewayStore> OpenStoreAsync() =>
        new PostgresGatewayStore(
            new PostgresStoreOptions { ConnectionString = await server.DatabaseForAsync(nameof(PostgresStoreContractTests)) },
            TimeProvider.System);
}
