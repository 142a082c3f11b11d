using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Storage.Tests;

/// <summary>
/// This part: commands that touch the same rows in ONE batch of the engine's executor. Each command's result and
/// the end state are those of running the commands one after another in the order given, whatever the engine
/// runs together.
/// </summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task A_supplier_acceptance_and_then_a_receipt_for_its_part_in_one_batch_match()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);

        var results = await ExecuteBatchAsync(
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "b1", Sample.Now()),
            new StoreReceipt(Sample.Receipt(supplier.Id, "B1", MessageStatus.Delivered)));

        Assert.Equal((true, 0), (results[0].Changed, results[0].Count));
        Assert.Equal(
            (true, (MessageId?)parts[0].Id, (MessageId?)message.Id, (MessageStatus?)MessageStatus.Delivered, (long?)account.Id),
            (results[1].Changed, results[1].PartId, results[1].FinishedMessageId, results[1].FinishedStatus, results[1].NotifySmppAccountId));
        Assert.Empty(await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal(MessageStatus.Delivered, detail.Message.Status);
        Assert.Equal([MessageEventKind.SupplierAccepted, MessageEventKind.Receipt], detail.History.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_receipt_and_then_the_supplier_acceptance_of_its_part_in_one_batch_wait_and_match()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);

        var results = await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "B2", MessageStatus.Undeliverable)),
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "b2", Sample.Now()));

        Assert.Equal((false, (MessageId?)null), (results[0].Changed, results[0].PartId));
        Assert.NotNull(results[0].Id);
        Assert.Equal(
            (true, 1, (MessageId?)message.Id, (MessageStatus?)MessageStatus.Undeliverable, (long?)account.Id),
            (results[1].Changed, results[1].Count, results[1].FinishedMessageId, results[1].FinishedStatus, results[1].NotifySmppAccountId));
        Assert.Empty(await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct));
        Assert.Equal(MessageStatus.Undeliverable, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
        Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task Two_receipts_for_one_part_in_one_batch_apply_the_first_and_keep_the_second_as_a_duplicate()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id, supplierMessageId: "d1");

        var results = await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "d1", MessageStatus.Delivered)),
            new StoreReceipt(Sample.Receipt(supplier.Id, "D1", MessageStatus.Undeliverable)));

        Assert.Equal((true, (MessageStatus?)MessageStatus.Delivered), (results[0].Changed, results[0].FinishedStatus));
        Assert.Equal((false, (MessageId?)parts[0].Id, (MessageId?)null, (long?)null), (results[1].Changed, results[1].PartId, results[1].FinishedMessageId, results[1].NotifySmppAccountId));
        Assert.NotEqual(results[0].Id, results[1].Id);
        Assert.Equal(MessageStatus.Delivered, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
        Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_finish_and_then_a_receipt_for_one_part_in_one_batch_keep_the_finish_and_its_one_refund()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id, supplierMessageId: "f1");

        var results = await ExecuteBatchAsync(
            new FinishPart(parts[0].Id, MessageStatus.Rejected, "0x00000045", message.Charge, Sample.Now()),
            new StoreReceipt(Sample.Receipt(supplier.Id, "f1", MessageStatus.Delivered)));

        Assert.Equal((true, (MessageStatus?)MessageStatus.Rejected, (decimal?)100m), (results[0].Changed, results[0].FinishedStatus, results[0].Balance));
        Assert.Equal((false, (MessageId?)parts[0].Id, (MessageId?)null), (results[1].Changed, results[1].PartId, results[1].FinishedMessageId));
        Assert.Equal(MessageStatus.Rejected, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
        Assert.Equal(100m, (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
        Assert.Equal(100m, await Store.Provisioning.SumLedgerAsync(customer.Id, Ct));
    }

    [Fact]
    public async Task A_receipt_and_then_a_finish_for_one_part_in_one_batch_keep_the_receipt_and_refund_nothing()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id, supplierMessageId: "f2");

        var results = await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "f2", MessageStatus.Delivered)),
            new FinishPart(parts[0].Id, MessageStatus.Rejected, "0x00000045", message.Charge, Sample.Now()));

        Assert.Equal((true, (MessageStatus?)MessageStatus.Delivered), (results[0].Changed, results[0].FinishedStatus));
        Assert.Equal((false, (decimal?)null), (results[1].Changed, results[1].Balance));
        Assert.Equal(MessageStatus.Delivered, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
        Assert.Equal(100m - message.Charge, (await Store.Provisioning.GetCustomerAsync(customer.Id, Ct))!.Balance);
    }

    [Fact]
    public async Task The_parts_of_a_long_message_finishing_in_one_batch_roll_up_to_one_final_status()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2, smppAccountId: account.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "l1", Sample.Now()), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[1].Id, supplier.Id, "l2", Sample.Now()), Ct);

        var results = await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "l1", MessageStatus.Delivered)),
            new StoreReceipt(Sample.Receipt(supplier.Id, "l2", MessageStatus.Undeliverable)));

        Assert.Equal((true, (MessageId?)null), (results[0].Changed, results[0].FinishedMessageId));
        Assert.Equal(
            (true, (MessageId?)message.Id, (MessageStatus?)MessageStatus.Undeliverable, (long?)account.Id),
            (results[1].Changed, results[1].FinishedMessageId, results[1].FinishedStatus, results[1].NotifySmppAccountId));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal(MessageStatus.Undeliverable, detail.Message.Status);
        Assert.Equal([MessageStatus.Delivered, MessageStatus.Undeliverable], detail.Parts.Select(p => p.Status));
        Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task Accepts_of_several_customers_in_one_batch_report_each_balance_after_its_own_charge()
    {
        var (first, supplier) = await CustomerAndSupplierAsync(credit: 100m);
        var (second, _) = await CustomerAndSupplierAsync(credit: 10m);
        var a1 = Sample.Message(first.Id, supplier.Id);
        var b1 = Sample.Message(second.Id, supplier.Id);
        var a2 = Sample.Message(first.Id, supplier.Id, parts: 3);
        var b2 = Sample.Message(second.Id, supplier.Id, parts: 2);

        var results = await ExecuteBatchAsync(
            new AcceptMessage(a1.Message, a1.Parts), new AcceptMessage(b1.Message, b1.Parts),
            new AcceptMessage(a2.Message, a2.Parts), new AcceptMessage(b2.Message, b2.Parts));

        Assert.All(results, r => Assert.True(r.Changed));
        Assert.Equal([99.95m, 9.95m, 99.80m, 9.85m], results.Select(r => r.Balance!.Value));
        Assert.Equal(99.80m, (await Store.Provisioning.GetCustomerAsync(first.Id, Ct))!.Balance);
        Assert.Equal(99.80m, await Store.Provisioning.SumLedgerAsync(first.Id, Ct));
        Assert.Equal(9.85m, (await Store.Provisioning.GetCustomerAsync(second.Id, Ct))!.Balance);
        Assert.Equal(9.85m, await Store.Provisioning.SumLedgerAsync(second.Id, Ct));
        Assert.Equal(3, (await Store.Messages.GetMessageAsync(a2.Message.Id, Ct))!.Parts.Count);
    }

    [Fact]
    public async Task Supplier_acceptances_of_two_parts_of_one_message_in_one_batch_keep_the_first_submission_time()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        var at = Sample.Now();

        var results = await ExecuteBatchAsync(
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "t1", at),
            new RecordSupplierAccepted(parts[1].Id, supplier.Id, "t2", at.AddSeconds(1)));

        Assert.All(results, r => Assert.True(r.Changed));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Enroute, (DateTimeOffset?)at), (detail.Message.Status, detail.Message.SubmittedAt));
        Assert.All(detail.Parts, p => Assert.Equal(MessageStatus.Enroute, p.Status));
        Assert.Equal(parts[1].Id, (await Store.Messages.FindPartBySupplierMessageIdAsync(supplier.Id, "t2", Ct))?.Id);
    }

    [Fact]
    public async Task A_supplier_acceptance_repeated_in_one_batch_changes_the_part_once()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        var results = await ExecuteBatchAsync(
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "r1", Sample.Now()),
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "r1", Sample.Now()));

        Assert.Equal([true, false], results.Select(r => r.Changed));
        var detail = (await Store.Messages.GetMessageAsync(message.Id, Ct))!;
        Assert.Equal(1, detail.Parts[0].Attempts);
        Assert.Equal(MessageEventKind.SupplierAccepted, Assert.Single(detail.History).Kind);
    }

    [Fact]
    public async Task A_supplier_acceptance_in_one_batch_with_its_message_applies_only_after_the_message()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);

        var results = await ExecuteBatchAsync(
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "early", Sample.Now()),
            new AcceptMessage(message, parts),
            new RecordSupplierAccepted(parts[0].Id, supplier.Id, "after", Sample.Now()));

        Assert.Equal([false, true, true], results.Select(r => r.Changed));
        Assert.Equal(100m - message.Charge, results[1].Balance);
        var part = await Store.Messages.FindPartBySupplierMessageIdAsync(supplier.Id, "after", Ct);
        Assert.Equal((parts[0].Id, MessageStatus.Enroute), (part?.Id, part?.Status));
        Assert.Null(await Store.Messages.FindPartBySupplierMessageIdAsync(supplier.Id, "early", Ct));
    }

    [Fact]
    public async Task Receipts_with_one_id_in_one_batch_both_wait_and_the_id_map_matches_both()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (message, parts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);

        var waiting = await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "AB", MessageStatus.Delivered)),
            new StoreReceipt(Sample.Receipt(supplier.Id, "ab", MessageStatus.Undeliverable)));
        var unmatched = await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct);
        var accepted = await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "ab", Sample.Now()), Ct);

        Assert.All(waiting, r => Assert.Equal((false, (MessageId?)null), (r.Changed, r.PartId)));
        Assert.Equal(waiting.Select(r => r.Id), unmatched.Select(r => (long?)r.Id).Order());
        Assert.Equal((2, (MessageStatus?)MessageStatus.Delivered), (accepted.Count, accepted.FinishedStatus));
        Assert.Equal(MessageStatus.Delivered, (await Store.Messages.GetMessageAsync(message.Id, Ct))!.Message.Status);
        Assert.Empty(await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct));
    }

    [Fact]
    public async Task Supplier_acceptances_in_one_batch_match_the_receipts_waiting_for_each_of_them_only()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (awaited, awaitedParts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);
        var (other, otherParts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);
        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "w1", MessageStatus.Delivered)), Ct);

        var results = await ExecuteBatchAsync(
            new RecordSupplierAccepted(awaitedParts[0].Id, supplier.Id, "w1", Sample.Now()),
            new RecordSupplierAccepted(otherParts[0].Id, supplier.Id, "w2", Sample.Now()));

        Assert.Equal((true, 1, (MessageId?)awaited.Id), (results[0].Changed, results[0].Count, results[0].FinishedMessageId));
        Assert.Equal((true, 0, (MessageId?)null), (results[1].Changed, results[1].Count, results[1].FinishedMessageId));
        Assert.Equal(MessageStatus.Enroute, (await Store.Messages.GetMessageAsync(other.Id, Ct))!.Message.Status);
    }

    [Fact]
    public async Task A_customer_receipt_delivered_twice_in_one_batch_changes_once()
    {
        var (customer, _) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var owed = await Writer.WriteAsync(new EnqueueCustomerReceipt(CustomerReceipt(account.Id, Sample.Now())), Ct);

        var results = await ExecuteBatchAsync(
            new MarkCustomerReceiptDelivered(owed.Id!.Value, Sample.Now()),
            new MarkCustomerReceiptDelivered(owed.Id!.Value, Sample.Now()));

        Assert.Equal([true, false], results.Select(r => r.Changed));
        Assert.Empty(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_customer_receipt_expired_earlier_in_one_batch_is_not_delivered()
    {
        var (customer, _) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var old = await Writer.WriteAsync(new EnqueueCustomerReceipt(CustomerReceipt(account.Id, Sample.Now().AddHours(-80))), Ct);
        var fresh = await Writer.WriteAsync(new EnqueueCustomerReceipt(CustomerReceipt(account.Id, Sample.Now())), Ct);

        var results = await ExecuteBatchAsync(
            new ExpireCustomerReceipts(Sample.Now().AddHours(-72), Sample.Now()),
            new MarkCustomerReceiptDelivered(old.Id!.Value, Sample.Now()),
            new MarkCustomerReceiptDelivered(fresh.Id!.Value, Sample.Now()));

        Assert.Equal(1, results[0].Count);
        Assert.Equal([false, true], results[1..].Select(r => r.Changed));
        Assert.Empty(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct));
    }

    [Fact]
    public async Task A_batch_of_unrelated_commands_of_every_hot_kind_gives_each_its_own_result()
    {
        var (customer, supplier, account) = await CustomerSupplierAndAccountAsync();
        var (delivered, deliveredParts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id, supplierMessageId: "m1");
        var (sent, sentParts) = await AcceptedAsync(customer.Id, supplier.Id, account.Id);
        var owed = await Writer.WriteAsync(new EnqueueCustomerReceipt(CustomerReceipt(account.Id, Sample.Now())), Ct);
        var (single, singleParts) = Sample.Message(customer.Id, supplier.Id, smppAccountId: account.Id);
        var (longer, longerParts) = Sample.Message(customer.Id, supplier.Id, parts: 2, smppAccountId: account.Id);

        var results = await ExecuteBatchAsync(
            new AcceptMessage(single, singleParts),
            new RecordSupplierAccepted(sentParts[0].Id, supplier.Id, "m2", Sample.Now()),
            new StoreReceipt(Sample.Receipt(supplier.Id, "m1", MessageStatus.Delivered)),
            new MarkCustomerReceiptDelivered(owed.Id!.Value, Sample.Now()),
            new AcceptMessage(longer, longerParts),
            new StoreReceipt(Sample.Receipt(supplier.Id, "nobody", MessageStatus.Delivered)));

        Assert.Equal((true, (decimal?)99.85m), (results[0].Changed, results[0].Balance));
        Assert.Equal((true, 0), (results[1].Changed, results[1].Count));
        Assert.Equal(
            (true, (MessageId?)deliveredParts[0].Id, (MessageId?)delivered.Id, (MessageStatus?)MessageStatus.Delivered, (long?)account.Id),
            (results[2].Changed, results[2].PartId, results[2].FinishedMessageId, results[2].FinishedStatus, results[2].NotifySmppAccountId));
        Assert.True(results[3].Changed);
        Assert.Equal((true, (decimal?)99.75m), (results[4].Changed, results[4].Balance));
        Assert.Equal((false, (MessageId?)null), (results[5].Changed, results[5].PartId));
        Assert.Equal(results[5].Id, Assert.Single(await Store.Messages.ListUnmatchedReceiptsAsync(supplier.Id, 10, Ct)).Id);
        Assert.Equal(MessageStatus.Enroute, (await Store.Messages.GetMessageAsync(sent.Id, Ct))!.Message.Status);
        Assert.Equal(delivered.Id, Assert.Single(await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 10, Ct)).MessageId);
        Assert.Equal(3, await Store.Messages.CountQueuedPartsAsync(supplier.Id, Ct));
        Assert.Equal(99.75m, await Store.Provisioning.SumLedgerAsync(customer.Id, Ct));
    }

    [Fact]
    public async Task Messages_finishing_in_one_batch_each_queue_their_status_webhook()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/receipts", null, "whsec_b", Ct);
        var first = Sample.Message(customer.Id, supplier.Id);
        var second = Sample.Message(customer.Id, supplier.Id);
        await ExecuteBatchAsync(new AcceptMessage(first.Message, first.Parts), new AcceptMessage(second.Message, second.Parts));

        await ExecuteBatchAsync(
            new RecordSupplierAccepted(first.Parts[0].Id, supplier.Id, "h1", Sample.Now()),
            new RecordSupplierAccepted(second.Parts[0].Id, supplier.Id, "h2", Sample.Now()));
        await ExecuteBatchAsync(
            new StoreReceipt(Sample.Receipt(supplier.Id, "h1", MessageStatus.Delivered)),
            new StoreReceipt(Sample.Receipt(supplier.Id, "h2", MessageStatus.Undeliverable)));

        // Enroute and final for each message.
        Assert.Equal(4, (await Store.Webhooks.CountEventsAsync(customer.Id, Ct))[WebhookEventState.Pending]);
    }

    /// <summary>Runs <paramref name="commands"/> as one batch of the store's executor, as the group-commit writer would.</summary>
    private async Task<WriteResult[]> ExecuteBatchAsync(params WriteCommand[] commands)
    {
        var results = new WriteResult[commands.Length];
        await Store.Writes.ExecuteAsync(commands, results, Ct);
        return results;
    }

    private async Task<(Customer Customer, Supplier Supplier, SmppAccount Account)> CustomerSupplierAndAccountAsync()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        return (customer, supplier, account);
    }

    /// <summary>A one-part message stored, and sent to its supplier under <paramref name="supplierMessageId"/> when given.</summary>
    private async Task<(MessageRecord Message, MessagePart[] Parts)> AcceptedAsync(long customerId, long supplierId, long accountId, string? supplierMessageId = null)
    {
        var (message, parts) = Sample.Message(customerId, supplierId, smppAccountId: accountId);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        if (supplierMessageId is not null)
        {
            await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplierId, supplierMessageId, Sample.Now()), Ct);
        }

        return (message, parts);
    }
}
