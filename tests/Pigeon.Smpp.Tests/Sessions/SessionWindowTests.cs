using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// Windowing: at most W outstanding requests each way, responses matched asynchronously by sequence number.
public sealed class SessionWindowTests
{
    [Fact]
    public async Task No_more_than_the_window_of_requests_goes_out_until_one_is_answered()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme, new SmppSessionOptions { WindowSize = 3 });

        var sends = Enumerable.Range(0, 5).Select(_ => harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask()).ToList();
        var firstThree = new List<EnquireLink>();
        for (var i = 0; i < 3; i++)
        {
            firstThree.Add(await harness.Peer.ReceiveAsync<EnquireLink>());
        }

        Assert.Equal(3, harness.Session.OutstandingRequests);
        Assert.False(harness.Peer.HasPendingBytes());
        await harness.Peer.SendAsync(new EnquireLinkResp(), firstThree[1].SequenceNumber);
        var fourth = await harness.Peer.ReceiveAsync<EnquireLink>();

        Assert.Equal(3, harness.Session.OutstandingRequests);
        Assert.DoesNotContain(fourth.SequenceNumber, firstThree.Select(r => r.SequenceNumber));
        Assert.Equal(1, sends.Count(s => s.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Responses_out_of_order_complete_the_requests_they_answer()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);
        var first = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var second = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var a = await harness.Peer.ReceiveAsync<EnquireLink>();
        var b = await harness.Peer.ReceiveAsync<EnquireLink>();

        await harness.Peer.SendAsync(new EnquireLinkResp(), b.SequenceNumber);
        await harness.Peer.SendAsync(new EnquireLinkResp(), a.SequenceNumber);

        Assert.Equal(b.SequenceNumber, (await second).SequenceNumber);
        Assert.Equal(a.SequenceNumber, (await first).SequenceNumber);
    }

    [Fact]
    public async Task Sequence_numbers_increase_and_wrap_from_0x7FFFFFFF_to_1()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme, lastSequenceNumber: 0x7FFFFFFE);

        _ = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        _ = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        _ = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();

        Assert.Equal(0x7FFFFFFFu, (await harness.Peer.ReceiveAsync<EnquireLink>()).SequenceNumber);
        Assert.Equal(1u, (await harness.Peer.ReceiveAsync<EnquireLink>()).SequenceNumber);
        Assert.Equal(2u, (await harness.Peer.ReceiveAsync<EnquireLink>()).SequenceNumber);
    }

    [Fact]
    public async Task Cancelling_a_send_waiting_for_a_window_slot_sends_nothing()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme, new SmppSessionOptions { WindowSize = 1 });
        _ = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        await harness.Peer.ReceiveAsync<EnquireLink>();
        using var cancel = new CancellationTokenSource();

        var waiting = harness.Session.SendAsync(new EnquireLink(), cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, harness.Session.OutstandingRequests);
        Assert.False(harness.Peer.HasPendingBytes());
    }

    [Fact]
    public async Task Cancelling_an_outstanding_request_frees_its_window_slot()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme, new SmppSessionOptions { WindowSize = 1 });
        using var cancel = new CancellationTokenSource();
        var abandoned = harness.Session.SendAsync(new EnquireLink(), cancel.Token).AsTask();
        await harness.Peer.ReceiveAsync<EnquireLink>();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var next = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var request = await harness.Peer.ReceiveAsync<EnquireLink>();
        await harness.Peer.SendAsync(new EnquireLinkResp(), request.SequenceNumber);

        Assert.Equal(request.SequenceNumber, (await next).SequenceNumber);
    }

    [Fact]
    public async Task Requests_beyond_the_incoming_window_are_answered_throttled_at_once()
    {
        var release = new TaskCompletionSource<ResponsePdu?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = new RecordingOwner { Handle = (_, _) => new ValueTask<ResponsePdu?>(release.Task) };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, new SmppSessionOptions { IncomingWindowSize = 2 }, owner: owner);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        await harness.Peer.SendAsync(RawPeer.Submit(), 10);
        await harness.Peer.SendAsync(RawPeer.Submit(), 11);
        await harness.Peer.SendAsync(RawPeer.Submit(), 12);
        var throttled = await harness.Peer.ReceiveAsync<SubmitSmResp>();
        release.SetResult(null);
        var answered = new[] { await harness.Peer.ReceiveAsync<SubmitSmResp>(), await harness.Peer.ReceiveAsync<SubmitSmResp>() };

        Assert.Equal(CommandStatus.Throttled, throttled.CommandStatus);
        Assert.Equal(12u, throttled.SequenceNumber);
        Assert.All(answered, r => Assert.Equal(CommandStatus.Ok, r.CommandStatus));
        Assert.Equal([10u, 11u], answered.Select(r => r.SequenceNumber).Order());
    }

    [Fact]
    public async Task Incoming_window_status_is_configurable()
    {
        var release = new TaskCompletionSource<ResponsePdu?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = new RecordingOwner { Handle = (_, _) => new ValueTask<ResponsePdu?>(release.Task) };
        var options = new SmppSessionOptions { IncomingWindowSize = 1, IncomingWindowExceededStatus = CommandStatus.MessageQueueFull };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, options, owner: owner);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        await harness.Peer.SendAsync(RawPeer.Submit(), 2);
        await harness.Peer.SendAsync(RawPeer.Submit(), 3);

        Assert.Equal(CommandStatus.MessageQueueFull, (await harness.Peer.ReceiveAsync<SubmitSmResp>()).CommandStatus);
        release.SetResult(null);
    }
}
