using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Storage.Tests;

/// <summary>This part: webhook settings, the outbox the store fills in the transaction of each change, the delivery log.</summary>
public abstract partial class GatewayStoreContract
{
    private static DateTimeOffset Later => Sample.Now().AddMinutes(5);

    [Fact]
    public async Task Webhook_settings_are_created_once_with_their_secret_and_later_writes_keep_it()
    {
        var (customer, _) = await CustomerAndSupplierAsync();

        var created = await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/receipts", null, "whsec_first", Ct);
        var updated = await Store.Webhooks.SetUrlsAsync(customer.Id, null, "https://example.com/mo", "whsec_second", Ct);
        var read = await Store.Webhooks.GetSettingsAsync(customer.Id, Ct);

        Assert.True(created.Created);
        Assert.False(updated.Created);
        Assert.Equal("whsec_first", updated.Settings.Secret);
        Assert.Equal(updated.Settings, read);
        Assert.Null(read!.ReceiptsUrl);
        Assert.Equal("https://example.com/mo", read.MoUrl);
    }

    [Fact]
    public async Task Rotating_replaces_the_secret_and_removing_forgets_the_settings()
    {
        var (customer, _) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/r", null, "whsec_old", Ct);

        var rotated = await Store.Webhooks.RotateSecretAsync(customer.Id, "whsec_new", Ct);
        var removed = await Store.Webhooks.RemoveSettingsAsync(customer.Id, Ct);
        var rotatedAfterRemoval = await Store.Webhooks.RotateSecretAsync(customer.Id, "whsec_other", Ct);

        Assert.Equal("whsec_new", rotated!.Secret);
        Assert.True(removed);
        Assert.Null(rotatedAfterRemoval);
        Assert.Null(await Store.Webhooks.GetSettingsAsync(customer.Id, Ct));
        Assert.False(await Store.Webhooks.RemoveSettingsAsync(customer.Id, Ct));
    }

    [Fact]
    public async Task A_message_of_a_customer_without_webhooks_queues_no_event()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "q1", Sample.Now()), Ct);
        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "q1", MessageStatus.Delivered)), Ct);

        Assert.Empty(await DueOfAsync(customer.Id));
        Assert.Empty(await Store.Webhooks.CountEventsAsync(customer.Id, Ct));
    }

    [Fact]
    public async Task A_message_leaving_for_its_supplier_and_becoming_final_queues_two_status_events_in_the_same_transactions()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/receipts", null, "whsec_s", Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id, parts: 2);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);

        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "w1", Sample.Now()), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[1].Id, supplier.Id, "w2", Sample.Now()), Ct);
        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "w1", MessageStatus.Delivered)), Ct);
        var receipt = Sample.Receipt(supplier.Id, "w2", MessageStatus.Undeliverable);
        await Writer.WriteAsync(new StoreReceipt(receipt), Ct);
        var due = await DueOfAsync(customer.Id);

        // Only the first event of the message is due: the final one waits for it.
        var enroute = Assert.Single(due);
        Assert.Equal(WebhookEventKind.MessageStatus, enroute.Kind);
        Assert.Equal(message.Id, enroute.MessageId);
        Assert.Equal(MessageStatus.Enroute, enroute.Status);
        Assert.Equal("https://example.com/receipts", enroute.Url);
        Assert.Equal("whsec_s", enroute.Secret);
        Assert.Equal(new WebhookMessageData { ClientReference = "ref-1", To = message.Destination, From = "Pigeon", Segments = 2, Charge = 0.10m, Currency = "EUR" }, enroute.Message);
        await Store.Webhooks.RecordAttemptsAsync([Attempt(enroute, WebhookAttemptOutcome.Delivered)], Ct);
        var final = Assert.Single(await DueOfAsync(customer.Id));
        Assert.Equal(MessageStatus.Undeliverable, final.Status);
        Assert.Equal(receipt.Error, final.Error);
        Assert.Equal(receipt.DoneAt, final.OccurredAt);
        Assert.True(final.EventId > enroute.EventId);
    }

    [Fact]
    public async Task A_message_callback_url_takes_its_status_events_without_any_customer_url()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        message = message with { CallbackUrl = "https://example.com/this-one" };

        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Rejected, "no route", 0m, Sample.Now()), Ct);
        var due = Assert.Single(await DueOfAsync(customer.Id));

        Assert.Equal("https://example.com/this-one", due.Url);
        Assert.Null(due.Secret);
        Assert.Equal(MessageStatus.Rejected, due.Status);
        Assert.Equal("https://example.com/this-one", (await Store.Messages.GetMessageAsync(message.Id, Ct))?.Message.CallbackUrl);
    }

    [Fact]
    public async Task A_stored_mo_queues_an_event_for_a_customer_with_an_mo_url_only()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var (other, _) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, null, "https://example.com/mo", "whsec_m", Ct);
        await Store.Webhooks.SetUrlsAsync(other.Id, "https://example.com/receipts-only", null, "whsec_o", Ct);
        var mo = new MoRecord
        {
            SupplierId = supplier.Id,
            Source = "491701111111",
            Destination = "4930123456",
            DataCoding = 8,
            Body = [0x00, 0x48, 0x00, 0x69],
            CustomerId = customer.Id,
            ReceivedAt = Sample.Now(),
        };

        var stored = await Writer.WriteAsync(new StoreMo(mo), Ct);
        await Writer.WriteAsync(new StoreMo(mo with { CustomerId = other.Id }), Ct);
        var due = Assert.Single(await DueOfAsync(customer.Id));

        Assert.Equal(WebhookEventKind.MoReceived, due.Kind);
        Assert.Equal(stored.Id, due.MoId);
        Assert.Equal("https://example.com/mo", due.Url);
        Assert.Equal(mo.ReceivedAt, due.OccurredAt);
        Assert.Equal(mo.Body, due.Mo!.Body);
        Assert.Equal((mo.Source, mo.Destination, (byte)8), (due.Mo.From, due.Mo.To, due.Mo.DataCoding));
        Assert.Empty(await DueOfAsync(other.Id));
    }

    [Fact]
    public async Task A_failed_attempt_waits_until_its_next_time_and_a_given_up_event_frees_the_next_of_its_message()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/receipts", null, "whsec_s", Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new RecordSupplierAccepted(parts[0].Id, supplier.Id, "g1", Sample.Now()), Ct);
        await Writer.WriteAsync(new StoreReceipt(Sample.Receipt(supplier.Id, "g1", MessageStatus.Delivered)), Ct);
        var first = Assert.Single(await DueOfAsync(customer.Id));

        var retryAt = Later.AddMinutes(10);
        await Store.Webhooks.RecordAttemptsAsync([Attempt(first, WebhookAttemptOutcome.Retrying, retryAt)], Ct);
        var beforeRetry = await DueOfAsync(customer.Id, Later);
        var atRetry = Assert.Single(await DueOfAsync(customer.Id, retryAt));
        await Store.Webhooks.RecordAttemptsAsync([Attempt(atRetry, WebhookAttemptOutcome.GivenUp)], Ct);
        var next = Assert.Single(await DueOfAsync(customer.Id, retryAt));

        Assert.Empty(beforeRetry);
        Assert.Equal((first.EventId, 1), (atRetry.EventId, atRetry.Attempts));
        Assert.NotNull(atRetry.FirstAttemptAt);
        Assert.Equal(MessageStatus.Delivered, next.Status);
        var counts = await Store.Webhooks.CountEventsAsync(customer.Id, Ct);
        Assert.Equal(1, counts[WebhookEventState.GivenUp]);
        Assert.Equal(1, counts[WebhookEventState.Pending]);
    }

    [Fact]
    public async Task The_delivery_log_lists_a_customers_attempts_newest_first_in_pages()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(customer.Id, "https://example.com/receipts", null, "whsec_s", Ct);
        var (message, parts) = Sample.Message(customer.Id, supplier.Id);
        await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
        await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Expired, null, 0m, Sample.Now()), Ct);
        var due = Assert.Single(await DueOfAsync(customer.Id));
        await Store.Webhooks.RecordAttemptsAsync(
            [Attempt(due, WebhookAttemptOutcome.Retrying, Sample.Now()) with { HttpStatus = 500, Error = "HTTP 500" }], Ct);
        await Store.Webhooks.RecordAttemptsAsync(
            [Attempt(due with { Attempts = 1 }, WebhookAttemptOutcome.Delivered) with { Duration = TimeSpan.FromMilliseconds(12.5) }], Ct);

        var page = await Store.Webhooks.ListDeliveriesAsync(customer.Id, null, 1, Ct);
        var rest = await Store.Webhooks.ListDeliveriesAsync(customer.Id, page[^1].Id, 10, Ct);

        var newest = Assert.Single(page);
        var oldest = Assert.Single(rest);
        Assert.Equal((2, WebhookAttemptOutcome.Delivered, (int?)200, TimeSpan.FromMilliseconds(12.5)), (newest.Attempt, newest.Outcome, newest.HttpStatus, newest.Duration));
        Assert.Equal((1, WebhookAttemptOutcome.Retrying, (int?)500, "HTTP 500"), (oldest.Attempt, oldest.Outcome, oldest.HttpStatus, oldest.Error));
        Assert.Equal((due.EventId, WebhookEventKind.MessageStatus, (Gateway.Identity.MessageId?)message.Id, "https://example.com/receipts"), (newest.EventId, newest.Kind, newest.MessageId, newest.Url));
        Assert.Empty(await DueOfAsync(customer.Id));
    }

    [Fact]
    public async Task A_page_of_due_events_holds_at_most_the_per_customer_share_of_one_customer()
    {
        var (busy, supplier) = await CustomerAndSupplierAsync();
        await Store.Webhooks.SetUrlsAsync(busy.Id, "https://example.com/busy", null, "whsec_b", Ct);
        for (var i = 0; i < 5; i++)
        {
            var (message, parts) = Sample.Message(busy.Id, supplier.Id);
            await Writer.WriteAsync(new AcceptMessage(message, parts), Ct);
            await Writer.WriteAsync(new FinishPart(parts[0].Id, MessageStatus.Rejected, null, 0m, Sample.Now()), Ct);
        }

        var due = (await Store.Webhooks.ListDueAsync(Later, perCustomer: 3, limit: 10_000, Ct)).Where(d => d.CustomerId == busy.Id).ToList();

        Assert.Equal(3, due.Count);
        Assert.Equal(due.Select(d => d.EventId).Order(), due.Select(d => d.EventId));
    }

    private async Task<List<DueWebhook>> DueOfAsync(long customerId, DateTimeOffset? now = null) =>
        [.. (await Store.Webhooks.ListDueAsync(now ?? Later, 100, 10_000, Ct)).Where(d => d.CustomerId == customerId)];

    private static WebhookAttempt Attempt(DueWebhook due, WebhookAttemptOutcome outcome, DateTimeOffset? next = null) => new()
    {
        EventId = due.EventId,
        CustomerId = due.CustomerId,
        Number = due.Attempts + 1,
        At = Sample.Now(),
        Url = due.Url ?? "",
        HttpStatus = outcome == WebhookAttemptOutcome.Delivered ? 200 : null,
        Outcome = outcome,
        NextAttemptAt = next,
    };
}
