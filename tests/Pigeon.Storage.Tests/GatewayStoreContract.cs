using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>
/// The storage contract as behaviours, run against every engine by a subclass that opens a real store. Tests
/// create their own customers and suppliers, so engines that share one database across a class stay correct.
/// This part: set-up, messages and the ledger.
/// </summary>
public abstract partial class GatewayStoreContract : IAsyncLifetime
{
    private IGatewayStore? _store;
    private GroupCommitWriter? _writer;

    protected IGatewayStore Store => _store!;

    protected GroupCommitWriter Writer => _writer!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await OpenStoreAsync();
        await _store.MigrateAsync(Ct);
        _writer = new GroupCommitWriter(_store.Writes, new GroupCommitOptions(), TimeProvider.System);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A store on a real engine, not migrated yet.</summary>
    protected abstract ValueTask<IGatewayStore> OpenStoreAsync();

    protected async Task<(Customer Customer, Supplier Supplier)> CustomerAndSupplierAsync(decimal credit = 100m)
    {
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        if (credit > 0m)
        {
            await Store.Provisioning.CreditAsync(customer.Id, credit, "top-up", Ct);
        }

        var supplier = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
        return (customer, supplier);
    }

    [Fact]
    public async Task Accepted_message_reads_back_with_its_parts_and_charge()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 3);

        var result = await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        Assert.True(result.Changed);
        Assert.Equal(100m - 0.15m, result.Balance);
        var detail = await Store.Messages.GetMessageAsync(message.Id, Ct);
        Assert.NotNull(detail);
        Assert.Equal(message, detail.Message);
        Assert.Equal(parts.Length, detail.Parts.Count);
        for (var i = 0; i < parts.Length; i++)
        {
            Assert.Equal(parts[i].Id, detail.Parts[i].Id);
            Assert.Equal(parts[i].Body, detail.Parts[i].Body);
            Assert.Equal(parts[i] with { Body = detail.Parts[i].Body }, detail.Parts[i]);
        }

        Assert.Empty(detail.History);
        Assert.Equal(100m - 0.15m, (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
    }

    [Fact]
    public async Task A_message_is_found_by_the_id_of_any_of_its_parts()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        var detail = await Store.Messages.GetMessageAsync(parts[1].Id, Ct);

        Assert.Equal(message.Id, detail?.Message.Id);
        Assert.Null(await Store.Messages.GetMessageAsync(Sample.NextId(), Ct));
    }

    [Fact]
    public async Task Ledger_sum_equals_the_running_balance()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 10m);
        await Store.Provisioning.CreditAsync(customer.Id, 2.5m, "second top-up", Ct);
        await Store.Provisioning.AdjustBalanceAsync(customer.Id, -0.123456m, "correction", Ct);
        for (var i = 0; i < 5; i++)
        {
            var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: i + 1);
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
            if (i % 2 == 0)
            {
                await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Rejected, "0x00000045", message.Charge, Sample.Now()), Ct);
            }
        }

        var balance = (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance;
        Assert.Equal(await Store.Provisioning.SumLedgerAsync(customer.Id, Ct), balance);
        // 12.5 credited, 0.123456 corrected, 0.05 × (1+2+3+4+5) charged, messages 1, 3 and 5 refunded.
        Assert.Equal(12.5m - 0.123456m - 0.75m + 0.45m, balance);
    }

    [Fact]
    public async Task Charge_and_refund_ledger_entries_round_trip_and_a_repeated_finish_refunds_once()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync(credit: 1m);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        var finishedAt = Sample.Now();

        var first = await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Rejected, "0x00000045", 0.05m, finishedAt), Ct);
        var again = await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Rejected, "0x00000045", 0.05m, finishedAt), Ct);

        Assert.True(first.Changed);
        Assert.Equal(1m, first.Balance);
        Assert.False(again.Changed);
        var ledger = await Store.Provisioning.ListLedgerAsync(customer.Id, null, 10, Ct);
        Assert.Collection(
            ledger,
            refund => Assert.Equal((LedgerEntryKind.Refund, 0.05m, (MessageId?)message.Id), (refund.Kind, refund.Amount, refund.MessageId)),
            charge => Assert.Equal((LedgerEntryKind.Charge, -0.05m, (MessageId?)message.Id, message.CreatedAt), (charge.Kind, charge.Amount, charge.MessageId, charge.CreatedAt)),
            credit => Assert.Equal((LedgerEntryKind.Credit, 1m, "top-up"), (credit.Kind, credit.Amount, credit.Reason)));
        Assert.Contains("0x00000045", ledger[0].Reason, StringComparison.Ordinal);
        var stored = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Rejected, "0x00000045", (DateTimeOffset?)finishedAt), (stored.Message.Status, stored.Message.Error, stored.Message.DoneAt));
        Assert.Equal(MessageEventKind.Finished, Assert.Single(stored.History).Kind);
    }

    [Fact]
    public async Task Amounts_beyond_six_decimal_places_are_refused()
    {
        var (customer, _) = await CustomerAndSupplierAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.Provisioning.CreditAsync(customer.Id, 0.0000001m, "too fine", Ct));
    }

    [Fact]
    public async Task Message_list_filters_and_pages_by_keyset_newest_first()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var start = Sample.Now();
        var ids = new List<MessageId>();
        for (var i = 0; i < 7; i++)
        {
            var (message, parts) = Sample.Message(customer.Id, supplier.Id, destination: i % 2 == 0 ? "4915550000" : "4915551111", createdAt: start.AddSeconds(i));
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
            ids.Add(message.Id);
        }

        var query = new MessageQuery { CustomerId = customer.Id, Destination = "4915550000", Limit = 3 };
        var first = await Store.Messages.ListMessagesAsync(query, Ct);
        var second = await Store.Messages.ListMessagesAsync(query with { Before = first.Next }, Ct);
        var recent = await Store.Messages.ListMessagesAsync(new MessageQuery { CustomerId = customer.Id, Since = start.AddSeconds(5) }, Ct);

        Assert.Equal([ids[6], ids[4], ids[2]], first.Items.Select(m => m.Id));
        Assert.Equal(ids[2], first.Next);
        Assert.Equal([ids[0]], second.Items.Select(m => m.Id));
        Assert.Null(second.Next);
        Assert.Equal([ids[6], ids[5]], recent.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Several_messages_of_one_customer_are_read_at_once_and_others_are_absent()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (other, _) = await CustomerAndSupplierAsync();
        var mine = new List<(MessageRecord Message, MessagePart[] Parts)>();
        for (var i = 0; i < 3; i++)
        {
            var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2);
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
            mine.Add((message, parts));
        }

        var (theirs, theirParts) = Sample.Message(other.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(theirs, theirParts), Ct);

        // Another customer's message, an id never given and the id of a part are all absent.
        var found = await Store.Messages.GetCustomerMessagesAsync(
            customer.Id, [mine[0].Message.Id, mine[2].Message.Id, theirs.Id, Sample.NextId(), mine[1].Parts[1].Id], Ct);
        var none = await Store.Messages.GetCustomerMessagesAsync(customer.Id, [], Ct);

        Assert.Equal([mine[0].Message, mine[2].Message], found.OrderBy(m => m.Id.Value));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Status_counts_group_messages_by_supplier_and_status()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var since = Sample.Now();
        var (rejected, rejectedParts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(rejected, rejectedParts), Ct);
        await Writer.WriteAsync(new FinishPart(rejectedParts[0].Id, MessageStatus.Rejected, null, 0m, Sample.Now()), Ct);
        for (var i = 0; i < 2; i++)
        {
            var (message, parts) = Sample.Message(customer.Id, supplier.Id);
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        }

        var counts = (await Store.Messages.GetStatusCountsAsync(since, Ct)).Where(c => c.SupplierId == supplier.Id);

        Assert.Equal(
            [new StatusCount(supplier.Id, MessageStatus.Accepted, 2), new StatusCount(supplier.Id, MessageStatus.Rejected, 1)],
            counts.OrderBy(c => c.Status));
    }
}
