using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;

namespace Pigeon.Storage.Tests;

/// <summary>This part: what is owed to customers (receipts and MO) and the migrations.</summary>
public abstract partial class GatewayStoreContract
{
    [Fact]
    public async Task Customer_receipts_wait_in_order_until_delivered_or_expired()
    {
        var (customer, _) = await CustomerAndSupplierAsync();
        var account = await Store.Provisioning.CreateSmppAccountAsync(Sample.SmppAccount(customer.Id), Ct);
        var old = Sample.Now().AddHours(-80);
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var result = await Writer.WriteAsync(new EnqueueCustomerReceipt(CustomerReceipt(account.Id, i == 0 ? old : Sample.Now())), Ct);
            ids.Add(result.Id!.Value);
        }

        var delivered = await Writer.WriteAsync(new MarkCustomerReceiptDelivered(ids[1], Sample.Now()), Ct);
        var again = await Writer.WriteAsync(new MarkCustomerReceiptDelivered(ids[1], Sample.Now()), Ct);
        var expired = await Writer.WriteAsync(new ExpireCustomerReceipts(Sample.Now().AddHours(-72), Sample.Now()), Ct);
        var firstPage = await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, 0, 1, Ct);
        var rest = await Store.Messages.ListPendingCustomerReceiptsAsync(account.Id, firstPage[0].Id, 10, Ct);

        Assert.Equal(ids.Order(), ids);
        Assert.True(delivered.Changed);
        Assert.False(again.Changed);
        Assert.Equal(1, expired.Count);
        Assert.Equal([ids[2]], firstPage.Select(r => r.Id));
        Assert.Equal([ids[3]], rest.Select(r => r.Id));
    }

    [Fact]
    public async Task Mo_messages_wait_for_their_customer_until_delivered()
    {
        var (customer, supplier) = await CustomerAndSupplierAsync();
        var mo = new MoRecord
        {
            SupplierId = supplier.Id,
            Source = "491701111111",
            SourceTon = 1,
            SourceNpi = 1,
            Destination = "4930123456",
            DataCoding = 8,
            Body = [0x00, 0x48, 0x00, 0x69],
            CustomerId = customer.Id,
            ReceivedAt = Sample.Now(),
        };

        var first = await Writer.WriteAsync(new StoreMo(mo), Ct);
        var second = await Writer.WriteAsync(new StoreMo(mo with { Body = [0x00, 0x21] }), Ct);
        var pending = await Store.Messages.ListPendingMoAsync(customer.Id, 0, 10, Ct);
        await Writer.WriteAsync(new MarkMoDelivered(first.Id!.Value, Sample.Now()), Ct);
        var left = await Store.Messages.ListPendingMoAsync(customer.Id, 0, 10, Ct);

        Assert.Equal([first.Id!.Value, second.Id!.Value], pending.Select(m => m.Id));
        Assert.Equal(mo with { Id = first.Id!.Value, Body = pending[0].Body }, pending[0]);
        Assert.Equal(mo.Body, pending[0].Body);
        Assert.Equal([second.Id!.Value], left.Select(m => m.Id));
    }

    [Fact]
    public async Task Migrations_run_twice_is_a_no_op()
    {
        var again = await Store.MigrateAsync(Ct);

        Assert.Empty(again);
        var customer = await Store.Provisioning.CreateCustomerAsync(Sample.Customer(), Ct);
        Assert.Equal(customer, await Store.Provisioning.GetCustomerAsync(customer.Id, Ct));
    }

    private static CustomerReceiptRecord CustomerReceipt(long accountId, DateTimeOffset createdAt) => new()
    {
        SmppAccountId = accountId,
        MessageId = Sample.NextId(),
        Status = MessageStatus.Delivered,
        Source = "491701234567",
        Destination = "Pigeon",
        DestinationTon = 5,
        SubmittedAt = createdAt,
        DoneAt = createdAt,
        CreatedAt = createdAt,
    };
}
