using Microsoft.Data.Sqlite;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Webhooks;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// The storage contract on one SQLite file, the embedded default. The file runs in WAL mode so readers never block
/// the writer; every commit is synchronous=FULL, so an acknowledged message survives a crash or power loss. One
/// writer connection serves the group-commit loop with statements prepared once; reads and provisioning use
/// pooled connections of their own.
/// </summary>
public sealed class SqliteGatewayStore : IGatewayStore
{
    private readonly SqliteDialect _dialect;
    private readonly SqliteBatchExecutor _writes;

    public SqliteGatewayStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _dialect = new SqliteDialect(options);
        Provisioning = new RelationalProvisioningStore(_dialect, timeProvider);
        Messages = new RelationalMessageReader(_dialect);
        Webhooks = new RelationalWebhookStore(_dialect, timeProvider);
        _writes = new SqliteBatchExecutor(_dialect, timeProvider);
    }

    public string Engine => "sqlite";

    public IProvisioningStore Provisioning { get; }

    public IMessageReader Messages { get; }

    public IWebhookStore Webhooks { get; }

    public IWriteBatchExecutor Writes => _writes;

    /// <summary>None: SQLite lets one transaction write at a time, so a second writer would only wait for the first.</summary>
    public IWriteBatchExecutor? AcceptWrites => null;

    public async ValueTask<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = _dialect.Open();
        await using (var command = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, every later connection finds it.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return SqliteMigrator.Migrate(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        // Close this file's pooled connections (only this file's), so the file can be moved or deleted.
        await using var connection = new SqliteConnection(_dialect.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
