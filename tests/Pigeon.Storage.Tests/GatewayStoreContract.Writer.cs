using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
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

    [Fact]
    public async Task Accepts_on_the_accept_writer_and_refunds_on_the_main_writer_at_once_move_each_balance_exactly_once()
    {
        // As the gateway runs them: accepts on a writer of their own where the engine offers one, else on the main one.
        var (first, supplier) = await CustomerAndSupplierAsync(credit: 1000m);
        var (second, _) = await CustomerAndSupplierAsync(credit: 1000m);
        await using var own = Store.AcceptWrites is { } acceptWrites ? new GroupCommitWriter(acceptWrites, new GroupCommitOptions(), TimeProvider.System) : null;
        var acceptWriter = own ?? Writer;
        const int Each = 60;
        var refunded = new List<MessagePart>();
        for (var i = 0; i < Each; i++)
        {
            foreach (var customer in new[] { first, second })
            {
                var (message, parts) = Sample.Message(customer.Id, supplier.Id);
                await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
                refunded.Add(parts[0]);
            }
        }

        // Refunds name the second customer before the first, charges lock in id order: the two writers' transactions
        // take the two rows in opposite orders.
        var refunds = refunded.AsEnumerable().Reverse().Select(part => Task.Run(async () =>
            await Writer.WriteAsync(new FinishPart(part.Id, MessageStatus.Rejected, "0x00000045", 0.05m, Sample.Now()), Ct)));
        var accepts = Enumerable.Range(0, 2 * Each).Select(i => Task.Run(async () =>
        {
            var (message, parts) = Sample.Message(i % 2 == 0 ? first.Id : second.Id, supplier.Id);
            return await acceptWriter.WriteAsync(new AcceptMessage(message, parts), Ct);
        }));
        var results = await Task.WhenAll(refunds.Concat(accepts));

        Assert.All(results, r => Assert.True(r.Changed));
        foreach (var customer in new[] { first, second })
        {
            Assert.Equal(1000m - (0.05m * Each), (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
            Assert.Equal(1000m - (0.05m * Each), await Store.Provisioning.SumLedgerAsync(customer.Id, Ct));
        }
    }
}
