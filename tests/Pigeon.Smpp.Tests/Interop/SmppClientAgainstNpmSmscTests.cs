using System.Collections.Concurrent;
using Pigeon.Smpp.Client;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Interop;

/// <summary>Our SmppClient against an SMSC built on the npm `smpp` package (an independent implementation).</summary>
public sealed class SmppClientAgainstNpmSmscTests
{
    private static SubmitSm Submit(string text, int n) => new()
    {
        Source = SmppAddress.Alphanumeric("Pigeon"),
        Destination = SmppAddress.International("4479" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)),
        RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
        ShortMessage = SmsText.GetBytes(text, SmsEncoding.Gsm7),
    };

    [Fact]
    public async Task Client_binds_submits_and_matches_every_receipt_from_the_npm_smsc()
    {
        await using var smsc = await NodePeer.StartAsync("smsc.js", "--port", "0");
        var port = await smsc.WaitReadyAsync();
        var receipts = new ConcurrentQueue<string>();
        await using var client = new SmppClient(
            new SmppClientOptions { Host = "127.0.0.1", Port = port, SystemId = "pigeon", Password = "pw" },
            (request, _) =>
            {
                if (request is DeliverSm { IsDeliveryReceipt: true } receipt && receipt.ReceiptedMessageId is { } id)
                {
                    receipts.Enqueue(id);
                }

                return ValueTask.FromResult<ResponsePdu?>(null);
            });
        await client.ConnectAsync(TestContext.Current.CancellationToken);

        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var response = await client.SubmitAsync(Submit("Hello npm SMSC", i), TestContext.Current.CancellationToken);
            Assert.Equal(CommandStatus.Ok, response.CommandStatus);
            ids.Add(response.MessageId);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receipts.Count < ids.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(ids.Order(), receipts.Order());
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Fact]
    public async Task Npm_smsc_decodes_our_submit_text_and_sees_our_unbind()
    {
        await using var smsc = await NodePeer.StartAsync("smsc.js", "--port", "0", "--no-receipts");
        var port = await smsc.WaitReadyAsync();
        var client = new SmppClient(new SmppClientOptions { Host = "127.0.0.1", Port = port, SystemId = "pigeon", Password = "pw" });
        await client.ConnectAsync(TestContext.Current.CancellationToken);
        var response = await client.SubmitAsync(Submit("Interop check @ 100%", 1), TestContext.Current.CancellationToken);
        await client.DisposeAsync();

        var summary = (await smsc.StopAsync()).GetProperty("summary");

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(1, summary.GetProperty("submits").GetInt32());
        Assert.Equal("Interop check @ 100%", summary.GetProperty("texts")[0].GetString());
        Assert.Equal(1, summary.GetProperty("unbinds").GetInt32());
    }

    [Fact]
    public async Task Client_bind_refused_by_the_npm_smsc_reports_the_status()
    {
        await using var smsc = await NodePeer.StartAsync("smsc.js", "--port", "0", "--system-id", "only", "--password", "this");
        var port = await smsc.WaitReadyAsync();
        await using var client = new SmppClient(new SmppClientOptions { Host = "127.0.0.1", Port = port, SystemId = "other", Password = "pw", AutoReconnect = false });

        var error = await Assert.ThrowsAsync<Pigeon.Smpp.Sessions.SmppBindException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CommandStatus.BindFailed, error.Status);
    }
}
