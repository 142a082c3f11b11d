using Pigeon.Gateway.Storage;
using Pigeon.Storage.Sqlite;

namespace Pigeon.Storage.Tests;

/// <summary>What makes an acknowledgement on SQLite safe: the file's journal mode and every connection's sync level.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pigeon-sqlite-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteStoreOptions Options => new() { Path = Path.Combine(_directory, "pigeon.db") };

    [Fact]
    public async Task The_file_runs_in_WAL_mode_and_connections_commit_with_synchronous_FULL()
    {
        await using (var store = new SqliteGatewayStore(Options, TimeProvider.System))
        {
            await store.MigrateAsync(Ct);
        }

        using var connection = new SqliteDialect(Options).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string?)command.ExecuteScalar();
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long?)command.ExecuteScalar();

        Assert.Equal("wal", journal);
        // 2 is FULL: the WAL is synced at every commit, so a committed batch survives power loss.
        Assert.Equal(2L, synchronous);
    }

    [Fact]
    public async Task What_was_committed_is_there_after_the_store_is_opened_again()
    {
        var id = Sample.NextId();
        await using (var store = new SqliteGatewayStore(Options, TimeProvider.System))
        {
            await store.MigrateAsync(Ct);
            var customer = await store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
            var supplier = await store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
            await using var writer = new GroupCommitWriter(store.Writes, new GroupCommitOptions(), TimeProvider.System);
            var (message, parts) = Sample.Message(customer.Id, supplier.Id);
            await writer.WriteAsync(new AcceptMessage(message with { Id = id }, [parts[0] with { Id = id, MessageId = id }]), Ct);
        }

        await using var reopened = new SqliteGatewayStore(Options, TimeProvider.System);
        Assert.Empty(await reopened.MigrateAsync(Ct));
        Assert.NotNull(await reopened.Messages.GetMessageAsync(id, Ct));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
