using System.Text;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>What a supplier sends back over its binds: receipts and MO, acknowledged only once stored.</summary>
public sealed class SupplierConnectorInboundTests
{
    private static readonly SmppAddress Handset = SmppAddress.International("491701234567");
    private static readonly SmppAddress ShortCode = new(TypeOfNumber.National, NumberingPlan.Isdn, "12345");

    [Fact]
    public async Task Receipt_sent_before_the_submit_sm_resp_is_stored_and_the_id_map_follows()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = _ => SmscReaction.ReceiptFirst;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 3));
        await dispatch.AcceptedAsync(3);

        var journal = dispatch.Store.Journal.ToList();
        foreach (var accepted in dispatch.Store.Accepted)
        {
            var receipt = journal.IndexOf("receipt " + accepted.SupplierMessageId);
            Assert.InRange(receipt, 0, journal.IndexOf("accepted " + accepted.SupplierMessageId) - 1);
        }

        Assert.All(dispatch.Store.Receipts, r => Assert.Equal((1L, MessageState.Delivered), (r.SupplierId, r.Receipt.State!.Value)));
        Assert.Equal([CommandStatus.Ok, CommandStatus.Ok, CommandStatus.Ok], smsc.ReceiptResponses);
    }

    [Fact]
    public async Task Deliver_sm_resp_waits_until_the_receipt_is_stored()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);
        var disk = new TaskCompletionSource();
        dispatch.Store.InboundDelay = () => disk.Task;

        var answer = smsc.SendAsync(Receipt("S42"));
        await Eventually.StaysAsync(() => !answer.IsCompleted, "no deliver_sm_resp before the receipt is stored", TimeSpan.FromMilliseconds(300));
        Assert.Empty(dispatch.Store.Receipts);
        disk.SetResult();

        Assert.Equal(CommandStatus.Ok, (await answer).CommandStatus);
        Assert.Equal("S42", Assert.Single(dispatch.Store.Receipts).Receipt.MessageId);
    }

    [Fact]
    public async Task Receipt_that_cannot_be_stored_is_answered_with_a_temporary_error_so_it_comes_again()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);
        dispatch.Store.InboundFailure = new IOException("disk full");

        var refused = await smsc.SendAsync(Receipt("S7"));
        dispatch.Store.InboundFailure = null;
        var stored = await smsc.SendAsync(Receipt("S7"));

        Assert.Equal(CommandStatus.ReceiverTemporaryAppError, refused.CommandStatus);
        Assert.Equal(CommandStatus.Ok, stored.CommandStatus);
        Assert.Equal("S7", Assert.Single(dispatch.Store.Receipts).Receipt.MessageId);
    }

    [Fact]
    public async Task Mobile_originated_message_is_stored_then_answered()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        var response = await smsc.SendAsync(new DeliverSm { Source = Handset, Destination = ShortCode, ShortMessage = Encoding.ASCII.GetBytes("STOP") });

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        var (supplierId, mo) = Assert.Single(dispatch.Store.MobileOriginated);
        Assert.Equal(1, supplierId);
        Assert.Equal(Handset, mo.Source);
        Assert.Equal(ShortCode, mo.Destination);
        Assert.Equal("STOP", Encoding.ASCII.GetString(mo.Content.Span));
        Assert.Empty(dispatch.Store.Receipts);
    }

    [Fact]
    public async Task Mobile_originated_message_that_cannot_be_stored_is_answered_with_a_temporary_error()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);
        dispatch.Store.InboundFailure = new IOException("disk full");

        var response = await smsc.SendAsync(new DeliverSm { Source = Handset, Destination = ShortCode, ShortMessage = "hi"u8.ToArray() });

        Assert.Equal(CommandStatus.ReceiverTemporaryAppError, response.CommandStatus);
        Assert.Empty(dispatch.Store.MobileOriginated);
    }

    [Fact]
    public async Task Unmarked_deliver_sm_with_receipt_text_is_taken_for_a_receipt()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);
        var text = "id:0A1B sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:UNDELIV err:001 text:hello";

        var response = await smsc.SendAsync(new DeliverSm { Source = Handset, Destination = ShortCode, ShortMessage = Encoding.Latin1.GetBytes(text) });

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        var receipt = Assert.Single(dispatch.Store.Receipts).Receipt;
        Assert.Equal(("0A1B", MessageState.Undeliverable), (receipt.MessageId, receipt.State!.Value));
        Assert.Empty(dispatch.Store.MobileOriginated);
    }

    [Fact]
    public async Task Mobile_originated_text_that_only_starts_like_a_receipt_stays_mobile_originated()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        await smsc.SendAsync(new DeliverSm { Source = Handset, Destination = ShortCode, ShortMessage = "id:1234 please call me"u8.ToArray() });

        Assert.Single(dispatch.Store.MobileOriginated);
        Assert.Empty(dispatch.Store.Receipts);
    }

    [Fact]
    public async Task Receipt_without_a_message_id_is_refused_permanently_and_not_stored()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        var response = await smsc.SendAsync(new DeliverSm
        {
            Source = Handset,
            Destination = ShortCode,
            EsmClass = EsmClass.DeliveryReceipt,
            ShortMessage = "stat:DELIVRD"u8.ToArray(),
        });

        Assert.Equal(CommandStatus.ReceiverPermanentAppError, response.CommandStatus);
        Assert.Empty(dispatch.Store.Receipts);
        Assert.Empty(dispatch.Store.MobileOriginated);
    }

    [Fact]
    public async Task Data_sm_receipt_is_stored_and_answered_with_data_sm_resp()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        var response = await smsc.SendAsync(new DataSm
        {
            Source = Handset,
            Destination = ShortCode,
            EsmClass = EsmClass.DeliveryReceipt,
            ReceiptedMessageId = "S9",
            MessageState = MessageState.Expired,
        });

        Assert.IsType<DataSmResp>(response);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        var receipt = Assert.Single(dispatch.Store.Receipts).Receipt;
        Assert.Equal(("S9", MessageState.Expired), (receipt.MessageId, receipt.State!.Value));
    }

    [Fact]
    public async Task Data_sm_mobile_originated_message_keeps_its_payload()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        var response = await smsc.SendAsync(new DataSm { Source = Handset, Destination = ShortCode, MessagePayload = "YES"u8.ToArray() });

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("YES", Encoding.ASCII.GetString(Assert.Single(dispatch.Store.MobileOriginated).Deliver.Content.Span));
    }

    private static DeliverSm Receipt(string messageId) =>
        new DeliveryReceipt { MessageId = messageId, State = MessageState.Delivered }.ToDeliverSm(Handset, ShortCode);
}
