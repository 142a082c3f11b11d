using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: the supplier id map, receipts, roll-up, failover and the dispatch queue.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Supplier_acceptance_makes_the_part_enroute_and_maps_the_supplier_id()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        var at = Sample.Now();

        var first = await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "00A1B2", at), Ct);
        var repeat = await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "00A1B2", at), Ct);

        Assert.True(first.Changed);
        Assert.False(repeat.Changed);
        // The receipt may carry the id in another form: the decimal value of 0xA1B2.
        var part = await Store.Messages.FindPartBySupplierMessageIdAsync(supplier.Id, "41394", Ct);
        Assert.Equal((parts[0].Id, MessageStatus.Enroute, "00A1B2", 1), (part?.Id, part?.Status, part?.SupplierMessageId, part?.Attempts));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Enroute, (DateTimeOffset?)at), (detail.Message.Status, detail.Message.SubmittedAt));
        Assert.Equal(MessageEventKind.SupplierAccepted, Assert.Single(detail.History).Kind);
        Assert.Null(await Store.Messages.FindPartBySupplierMessageIdAsync(supplier.Id + 1_000_000, "00A1B2", Ct));
    }

    [Fact]
    public async Task A_receipt_for_a_mapped_part_finishes_it_and_queues_the_customer_receipt()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, smppAccountId: account.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "abc123", Sample.Now()), Ct);

        var result = await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "ABC123", MessageStatus.Delivered)), Ct);

        Assert.True(result.Changed);
        Assert.NotNull(result.Id);
        Assert.Equal(parts[0].Id, result.PartId);
        Assert.Equal((message.Id, MessageStatus.Delivered, account.Id), (result.FinishedMessageId, result.FinishedStatus, result.NotifySmppAccountId));
        var owed = Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
        Assert.Equal((message.Id, MessageStatus.Delivered, message.Destination, message.Source, message.CreatedAt), (owed.MessageId, owed.Status, owed.Source, owed.Destination, owed.SubmittedAt));
        Assert.Equal(MessageStatus.Delivered, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
    }

    [Fact]
    public async Task A_receipt_stored_before_its_id_map_is_matched_when_the_id_map_arrives()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, smppAccountId: account.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        var early = await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "0000FF", MessageStatus.Undeliverable)), Ct);
        var waiting = await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct);
        var accepted = await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "ff", Sample.Now()), Ct);

        Assert.Null(early.PartId);
        Assert.False(early.Changed);
        Assert.Equal(early.Id, Assert.Single(waiting).Id);
        Assert.Equal(1, accepted.Count);
        Assert.Equal((message.Id, MessageStatus.Undeliverable, account.Id), (accepted.FinishedMessageId, accepted.FinishedStatus, accepted.NotifySmppAccountId));
        Assert.Empty(await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Undeliverable, "001"), (detail.Message.Status, detail.Message.Error));
        Assert.Equal(MessageStatus.Undeliverable, detail.Parts[0].Status);
        Assert.Equal([MessageEventKind.SupplierAccepted, MessageEventKind.Receipt], detail.History.Select(e => e.Kind));
        Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_customer_receipt_is_dated_by_the_supplier_done_date_and_aged_from_its_arrival()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, smppAccountId: account.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "late", Sample.Now()), Ct);
        var receivedAt = Sample.Now();
        var doneAt = receivedAt.AddHours(-100);

        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "late", MessageStatus.Delivered) with { DoneAt = doneAt, ReceivedAt = receivedAt }), Ct);
        var expired = await Writer.WriteAsync(new ExpireCustomerReceipts(receivedAt.AddHours(-72), receivedAt), Ct);

        Assert.Equal(0, expired.Count);
        var owed = Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
        Assert.Equal((doneAt, receivedAt), (owed.DoneAt, owed.CreatedAt));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal(doneAt, detail.Message.DoneAt);
        Assert.Equal(receivedAt, detail.History[^1].At);
    }

    [Fact]
    public async Task Receipt_application_is_idempotent_a_second_final_receipt_changes_nothing()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, smppAccountId: account.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "77", Sample.Now()), Ct);
        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "77", MessageStatus.Delivered)), Ct);

        var duplicate = await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "77", MessageStatus.Undeliverable)), Ct);

        Assert.False(duplicate.Changed);
        Assert.Equal(parts[0].Id, duplicate.PartId);
        Assert.Null(duplicate.FinishedMessageId);
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Delivered, MessageStatus.Delivered), (detail.Message.Status, detail.Parts[0].Status));
        Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_long_message_finishes_when_its_last_part_does_with_the_rolled_up_status()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2, smppAccountId: account.Id, registeredDelivery: 2);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "p1", Sample.Now()), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[1].Id, supplier.Id, "p2", Sample.Now()), Ct);

        var firstPart = await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "p1", MessageStatus.Delivered)), Ct);
        var afterFirst = (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status;
        var lastPart = await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "p2", MessageStatus.Undeliverable)), Ct);

        Assert.True(firstPart.Changed);
        Assert.Null(firstPart.FinishedMessageId);
        Assert.Equal(MessageStatus.Enroute, afterFirst);
        Assert.Equal(MessageStatus.Undeliverable, lastPart.FinishedStatus);
        // registered_delivery 2 asks for a receipt on failure only; this one failed.
        Assert.Equal(account.Id, lastPart.NotifySmppAccountId);
    }

    [Fact]
    public async Task Dispatch_refill_pages_in_id_order_and_skips_parts_not_accepted()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var other = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
        var queued = new List<MessageId>();
        for (var i = 0; i < 9; i++)
        {
            var (message, parts) = Sample.Message(customer.Id, i == 4 ? other.Id : supplier.Id, parts: i == 6 ? 2 : 1);
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
            if (i == 1)
            {
                await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "sent", Sample.Now()), Ct);
            }
            else if (i == 2)
            {
                await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Expired, null, 0m, Sample.Now()), Ct);
            }
            else if (i != 4)
            {
                queued.AddRange(parts.Select(p => p.Id));
            }
        }

        var pages = new List<IReadOnlyList<QueuedPart>>();
        var after = new MessageId(0);
        while (true)
        {
            var page = await Store.Messages.ListQueuedPartsAsync(supplier.Id, after, 3, Ct);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1].Part.Id;
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(queued, pages.SelectMany(p => p).Select(q => q.Part.Id));
        Assert.All(pages.SelectMany(p => p), q => Assert.Equal(q.Part.MessageId, q.Message.Id));
        Assert.Equal(7, await Store.Messages.CountQueuedPartsAsync(supplier.Id, Ct));
    }

    [Fact]
    public async Task Failover_moves_a_queued_part_to_the_next_supplier_queue()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var next = await Store.Provisioning.CreateSupplierAsync(Sample.Supplier(), Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        var moved = await Writer.WriteAsync(new RecordFailover(parts[0].Id, supplier.Id, next.Id, "throttled too long", Sample.Now()), Ct);
        var stale = await Writer.WriteAsync(new RecordFailover(parts[0].Id, supplier.Id, next.Id, "throttled too long", Sample.Now()), Ct);

        Assert.True(moved.Changed);
        Assert.False(stale.Changed);
        Assert.Empty(await Store.Messages.ListQueuedPartsAsync(supplier.Id, default, 10, Ct));
        var queued = Assert.Single(await Store.Messages.ListQueuedPartsAsync(next.Id, default, 10, Ct));
        Assert.Equal((next.Id, 1, (long?)next.Id), (queued.Part.SupplierId, queued.Part.Attempts, queued.Message.SupplierId));
        var history = (await Store.Messages.GetMessageAsync(message.Id, Ct))!.History;
        Assert.Equal((MessageEventKind.FailedOver, "throttled too long"), (Assert.Single(history).Kind, history[0].Detail));
    }
}
