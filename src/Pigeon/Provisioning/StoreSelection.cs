using System.CommandLine;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Options;
using Pigeon.Storage.Postgres;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Provisioning;

/// <summary>
/// The flags every provisioning command shares: which store (<c>--data DIR</c> for SQLite in DIR/pigeon.db, or
/// <c>--db</c> as <see cref="DatabaseLocation.TryParse"/> understands it) and <c>--json</c> for scripts. Added once
/// to each command group as recursive options, so every subcommand takes them.
/// </summary>
internal sealed class StoreSelection
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Data directory holding the SQLite store (pigeon.db).",
        DefaultValueFactory = _ => "./data",
        Recursive = true,
    };

    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database instead of the data directory: postgres://user:password@host:5432/db, sqlite:PATH or an Npgsql connection string.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON for scripts instead of tables.",
        Recursive = true,
    };

    public StoreSelection()
    {
        Database.Validators.Add(result =>
        {
            if (!DatabaseLocation.TryParse(result.GetValueOrDefault<string?>(), ".", out _, out var error))
            {
                result.AddError($"--db: {error}");
            }
        });
    }

    public void AddTo(Command group)
    {
        group.Options.Add(Data);
        group.Options.Add(Database);
        group.Options.Add(Json);
    }

    /// <summary>Opens the chosen store and brings its schema up to date (a fresh directory gets a new database).</summary>
    public async Task<IGatewayStore> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (!DatabaseLocation.TryParse(parse.GetValue(Database), parse.GetValue(Data)!, out var location, out var error))
        {
            throw new ProvisioningFailedException(error);
        }

        IGatewayStore store = location.Engine == DatabaseEngine.Sqlite
            ? new SqliteGatewayStore(new SqliteStoreOptions { Path = location.ConnectionString }, TimeProvider.System)
            : new PostgresGatewayStore(new PostgresStoreOptions { ConnectionString = location.ConnectionString }, TimeProvider.System);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.DisposeAsync();
            throw new ProvisioningFailedException($"cannot open {location}: {e.Message}", e);
        }
    }
}
