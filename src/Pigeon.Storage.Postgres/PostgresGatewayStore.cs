using Npgsql;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Webhooks;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// The storage contract on PostgreSQL, for volume and for several nodes. Connections come from one pooled data
/// source with automatic statement preparation; a group-commit batch goes to the server as one pipelined
/// NpgsqlBatch in one transaction (see <see cref="PostgresBatchExecutor"/>), on connections of its own whose
/// planner may only look rows up through indexes and join by nested loops (<see cref="WritePlannerOptions"/>).
/// Commits are durable with the server's default synchronous_commit = on.
/// </summary>
public sealed class PostgresGatewayStore : IGatewayStore
{
    /// <summary>
    /// The write path finds every row it reads or changes by key, in statements prepared once per connection whose
    /// generic plan is made whenever the statement has run a few times: on a table that was small or empty then,
    /// the planner prefers a sequential scan or a hash join, which then costs more with every row the table gains
    /// until the next analyze replans it (measured on a new database, 25,000 messages: the look-up of a batch's
    /// receipts by their keys took 1.6 ms a batch that way, 0.25 ms without). With these off on the writer's
    /// connections, each of its plans is nested loops over index look-ups whatever the statistics said when it was
    /// made (tables the statistics call nearly empty aside: replanned once autoanalyze sees them grow). JIT
    /// compilation is off too: it pays only for long scans, which the write path never runs, and a plan that must
    /// scan a small table all the same (no index serves it) looks costly enough with sequential scans forbidden to
    /// be compiled on every execution.
    /// </summary>
    private const string WritePlannerOptions = "-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off -c jit=off";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _writeDataSource;
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

        // Nothing of Pigeon's sets session state (no SET, advisory lock, LISTEN or temporary table), so a connection
        // going back to the pool needs no reset; the reset was four more statements for every batch and read.
        builder.NoResetOnClose = true;
        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        var dialect = new PostgresDialect(_dataSource);
        Provisioning = new RelationalProvisioningStore(dialect, timeProvider);
        Messages = new RelationalMessageReader(dialect);
        Webhooks = new RelationalWebhookStore(dialect, timeProvider);
        var writes = new NpgsqlConnectionStringBuilder(_connectionString);
        writes.Options = string.IsNullOrWhiteSpace(writes.Options) ? WritePlannerOptions : $"{writes.Options} {WritePlannerOptions}";
        _writeDataSource = NpgsqlDataSource.Create(writes.ConnectionString);
        Writes = new PostgresBatchExecutor(_writeDataSource);
        AcceptWrites = new PostgresBatchExecutor(_writeDataSource);
    }

    public string Engine => "postgres";

    public IProvisioningStore Provisioning { get; }

    public IMessageReader Messages { get; }

    public IWebhookStore Webhooks { get; }

    public IWriteBatchExecutor Writes { get; }

    /// <summary>
    /// Accepts commit on a connection of their own: the server runs the two writers' transactions on two backends
    /// at once, where one writer's batches run one after another on one.
    /// </summary>
    public IWriteBatchExecutor? AcceptWrites { get; }

    public ValueTask<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(PostgresMigrator.Migrate(_connectionString));

    public async ValueTask DisposeAsync()
    {
        await _writeDataSource.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
