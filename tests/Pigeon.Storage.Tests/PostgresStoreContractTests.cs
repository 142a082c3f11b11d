using Npgsql;
using Pigeon.Gateway.Storage;
using Pigeon.Storage.Postgres;

namespace Pigeon.Storage.Tests;

/// <summary>The storage contract on a real PostgreSQL server, in a database of this class's own; then what only PostgreSQL does.</summary>
public sealed class PostgresStoreContractTests(PostgresServer server) : GatewayStoreContract
{
    protected override async ValueTask<IGatewayStore> OpenStoreAsync() =>
        new PostgresGatewayStore(new PostgresStoreOptions { ConnectionString = await ConnectionStringAsync() }, TimeProvider.System);

    [Fact]
    public async Task A_batch_the_server_aborts_to_break_a_deadlock_runs_again_and_commits_once()
    {
        var (first, supplier) = await CustomerAndSupplierAsync(credit: 100m);
        var (second, _) = await CustomerAndSupplierAsync(credit: 100m);
        Assert.True(first.Id < second.Id);
        var messages = new[] { Sample.Message(first.Id, supplier.Id), Sample.Message(second.Id, supplier.Id) };
        WriteCommand[] commands = [.. messages.Select(m => new AcceptMessage(m.Message, m.Parts))];
        var results = new WriteResult[commands.Length];

        // Another transaction holds the second customer's row; the batch charges in id order, so it takes the first
        // customer's row and waits for the second. That transaction then asks for the first row: a deadlock, which
        // the server breaks by aborting the batch, whose wait began first.
        await using var other = new NpgsqlConnection(await ConnectionStringAsync());
        await other.OpenAsync(Ct);
        await using var transaction = await other.BeginTransactionAsync(Ct);
        await LockCustomerAsync(other, transaction, second.Id);
        var batch = Store.Writes.ExecuteAsync(commands, results, Ct).AsTask();
        await WaitForLockWaitAsync(other);
        await LockCustomerAsync(other, transaction, first.Id);
        await transaction.CommitAsync(Ct);
        await batch;

        Assert.All(results, r => Assert.True(r.Changed));
        foreach (var customer in new[] { first, second })
        {
            Assert.Equal(100m - 0.05m, (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
            Assert.Equal(100m - 0.05m, await Store.Provisioning.SumLedgerAsync(customer.Id, Ct));
        }

        foreach (var (message, _) in messages)
        {
            Assert.NotNull(await Store.Messages.GetMessageAsync(message.Id, Ct));
        }
    }

    [Fact]
    public void Accepts_have_a_batch_executor_of_their_own()
    {
        Assert.NotNull(Store.AcceptWrites);
        Assert.NotSame(Store.Writes, Store.AcceptWrites);
    }

    private Task<string> ConnectionStringAsync() => server.DatabaseForAsync(nameof(PostgresStoreContractTests));

    private static async Task LockCustomerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long customerId)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM customers WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>Waits until a backend other than <paramref name="holder"/>'s waits for a row lock held by it.</summary>
    private async Task WaitForLockWaitAsync(NpgsqlConnection holder)
    {
        await using var watcher = new NpgsqlConnection(await ConnectionStringAsync());
        await watcher.OpenAsync(Ct);
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", watcher);
            command.Parameters.Add(new NpgsqlParameter { Value = holder.ProcessID });
            if ((long)(await command.ExecuteScalarAsync(Ct))! > 0)
            {
                return;
            }

            await Task.Delay(25, Ct);
        }

        Assert.Fail("the batch never waited for the locked customer");
    }
}
