using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: the group-commit writer over the engine's batch executor.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Group_commit_completes_every_waiter_of_a_shared_transaction()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 100m);
        await using var writer = new GroupCommitWriter(Store.Writes, new GroupCommitOptions { Linger = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);
        var messages = Enumerable.Range(0, 20).Select(_ => Sample.Message(customer.Id, supplier.Id)).ToList();

        var writes = messages.Select(m => writer.WriteAsync(new AcceptMessage(m.Message, m.Parts), Ct).AsTask()).ToList();
        var results = await Task.WhenAll(writes);

        Assert.All(results, r => Assert.True(r.Changed));
        // Each waiter sees the balance after its own charge: twenty distinct balances down to 99.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 100m - (0.05m * (i + 1))), results.Select(r => r.Balance!.Value).Order().Reverse());
        Assert.True(writer.CommittedBatches < 20, $"{writer.CommittedBatches} transactions for 20 writes");
        Assert.Equal(20, writer.CommittedCommands);
        foreach (var (message, _) in messages)
        {
            Assert.NotNull(await Store.Messages.GetMessageAsync(message.Id, Ct));
        }
    }

    [Fact]
    public async Task Group_commit_fails_every_waiter_when_the_transaction_fails_and_stores_none_of_it()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 100m);
        var (stored, storedParts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(stored, storedParts), Ct);
        var options = new GroupCommitOptions { Linger = TimeSpan.FromSeconds(1), IsolateFailures = false };
        await using var writer = new GroupCommitWriter(Store.Writes, options, TimeProvider.System);
        var fresh = Enumerable.Range(0, 5).Select(_ => Sample.Message(customer.Id, supplier.Id)).ToList();

        var writes = fresh.Select(m => writer.WriteAsync(new AcceptMessage(m.Message, m.Parts), Ct).AsTask()).ToList();
        // The same message id twice: the engine refuses the transaction.
        writes.Add(writer.WriteAsync(new AcceptMessage(stored, storedParts), Ct).AsTask());
        foreach (var write in writes)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => write);
        }

        Assert.Equal(0, writer.CommittedCommands);
        foreach (var (message, _) in fresh)
        {
            Assert.Null(await Store.Messages.GetMessageAsync(message.Id, Ct));
        }

        Assert.Equal(100m - 0.05m, (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
    }

    [Fact]
    public async Task Group_commit_isolates_a_failing_command_so_only_its_waiter_fails()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 100m);
        var (stored, storedParts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(stored, storedParts), Ct);
        await using var writer = new GroupCommitWriter(Store.Writes, new GroupCommitOptions { Linger = TimeSpan.FromSeconds(1) }, TimeProvider.System);
        var fresh = Enumerable.Range(0, 5).Select(_ => Sample.Message(customer.Id, supplier.Id)).ToList();

        var writes = fresh.Select(m => writer.WriteAsync(new AcceptMessage(m.Message, m.Parts), Ct).AsTask()).ToList();
        var duplicate = writer.WriteAsync(new AcceptMessage(stored, storedParts), Ct).AsTask();

        await Task.WhenAll(writes);
        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        Assert.Equal(100m - (0.05m * 6), (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
    }

    [Fact]
    public async Task Concurrent_writers_are_all_committed()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 1000m);
        const int Producers = 32;
        const int PerProducer = 25;

        var producers = Enumerable.Range(0, Producers).Select(_ => Task.Run(async () =>
        {
            var ids = new List<MessageId>();
            for (var i = 0; i < PerProducer; i++)
            {
                var (message, parts) = Sample.Message(customer.Id, supplier.Id);
                await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
                ids.Add(message.Id);
            }

            return ids;
        }));
        var written = (await Task.WhenAll(producers)).SelectMany(ids => ids).ToHashSet();

        var listed = new HashSet<MessageId>();
        MessageId? before = null;
        do
        {
            var page = await Store.Messages.ListMessagesAsync(new MessageQuery { CustomerId = customer.Id, Before = before, Limit = 1000 }, Ct);
            listed.UnionWith(page.Items.Select(m => m.Id));
            before = page.Next;
        }
        while (before is not null);

        Assert.Equal(written, listed);
        Assert.Equal(1000m - (0.05m * Producers * PerProducer), (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
        Assert.Equal(1000m - (0.05m * Producers * PerProducer), await Store.Provisioning.SumLedgerAsync(customer.Id, Ct));
    }
}
