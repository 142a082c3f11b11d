using Npgsql;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Webhooks;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// The storage contract on PostgreSQL, for volume and for several nodes. Connections come from one pooled data
/// source with automatic statement preparation; a group-commit batch goes to the server as one pipelined
/// NpgsqlBatch in one transaction (each command a function call, see Migrations/0002_write_commands.sql).
/// Commits are durable with the server's default synchronous_commit = on.
/// </summary>
public sealed class PostgresGatewayStore : IGatewayStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgresGatewayStore(PostgresStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (!options.ConnectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // Statements used again and again (the write functions, the hot reads) are prepared once per connection.
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        var dialect = new PostgresDialect(_dataSource);
        Provisioning = new RelationalProvisioningStore(dialect, timeProvider);
        Messages = new RelationalMessageReader(dialect);
        Webhooks = new RelationalWebhookStore(dialect, timeProvider);
        Writes = new PostgresBatchExecutor(_dataSource);
    }

    public string Engine => "postgres";

    public IProvisioningStore Provisioning { get; }

    public IMessageReader Messages { get; }

    public IWebhookStore Webhooks { get; }

    public IWriteBatchExecutor Writes { get; }

    public ValueTask<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(PostgresMigrator.Migrate(_connectionString));

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
