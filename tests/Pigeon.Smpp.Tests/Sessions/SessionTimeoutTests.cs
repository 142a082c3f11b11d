using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// Response time-outs, enquire_link keep-alive (section 4.11), dead-peer detection and the bind time-out, all on a
// fake clock: nothing here waits for real time to pass.
public sealed class SessionTimeoutTests
{
    private static SmppSessionOptions Options() => new()
    {
        ResponseTimeout = TimeSpan.FromSeconds(10),
        EnquireLinkInterval = TimeSpan.FromSeconds(30),
        EnquireLinkTimeout = TimeSpan.FromSeconds(5),
        BindTimeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task Unanswered_request_times_out_with_a_breadcrumb_of_the_session()
    {
        var time = SessionHarness.NewFakeTime();
        await using var harness = SessionHarness.Start(SmppRole.Esme, Options(), time);
        var waiting = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var request = await harness.Peer.ReceiveAsync<EnquireLink>();

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<SmppResponseTimeoutException>(() => waiting);
        Assert.Equal(CommandId.EnquireLink, error.CommandId);
        Assert.Equal(request.SequenceNumber, error.SequenceNumber);
        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.Contains($"sequence {request.SequenceNumber}", error.Message, StringComparison.Ordinal);
        Assert.Contains("other requests outstanding", error.Message, StringComparison.Ordinal);
        Assert.Contains("last read from the peer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Session.OutstandingRequests);
    }

    [Fact]
    public async Task Timed_out_request_frees_its_window_slot_and_a_late_response_is_ignored()
    {
        var time = SessionHarness.NewFakeTime();
        var options = Options();
        options.WindowSize = 1;
        await using var harness = SessionHarness.Start(SmppRole.Esme, options, time);
        var first = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var late = await harness.Peer.ReceiveAsync<EnquireLink>();
        time.Advance(TimeSpan.FromSeconds(11));
        await Assert.ThrowsAsync<SmppResponseTimeoutException>(() => first);

        var second = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var request = await harness.Peer.ReceiveAsync<EnquireLink>();
        await harness.Peer.SendAsync(new EnquireLinkResp(), late.SequenceNumber);
        await harness.Peer.SendAsync(new EnquireLinkResp(), request.SequenceNumber);

        Assert.Equal(request.SequenceNumber, (await second).SequenceNumber);
    }

    [Fact]
    public async Task Enquire_link_is_sent_after_the_idle_interval_and_its_answer_keeps_the_session()
    {
        var time = SessionHarness.NewFakeTime();
        await using var harness = SessionHarness.Start(SmppRole.Smsc, Options(), time);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        time.Advance(TimeSpan.FromSeconds(31));
        var probe = await harness.Peer.ReceiveAsync<EnquireLink>();
        await harness.Peer.SendAsync(new EnquireLinkResp(), probe.SequenceNumber);
        await WaitUntil(() => harness.Session.OutstandingRequests == 0);
        time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(SmppSessionState.BoundTransceiver, harness.Session.State);
    }

    [Fact]
    public async Task Peer_that_does_not_answer_enquire_link_is_closed_as_dead()
    {
        var time = SessionHarness.NewFakeTime();
        await using var harness = SessionHarness.Start(SmppRole.Smsc, Options(), time);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        time.Advance(TimeSpan.FromSeconds(31));
        await harness.Peer.ReceiveAsync<EnquireLink>();
        time.Advance(TimeSpan.FromSeconds(6));

        await harness.Closed();
        Assert.Equal(SmppCloseReason.DeadPeer, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Traffic_from_the_peer_postpones_enquire_link()
    {
        var time = SessionHarness.NewFakeTime();
        await using var harness = SessionHarness.Start(SmppRole.Smsc, Options(), time);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        time.Advance(TimeSpan.FromSeconds(20));
        await harness.Peer.SendAsync(new EnquireLink(), 2);
        await harness.Peer.ReceiveAsync<EnquireLinkResp>();
        time.Advance(TimeSpan.FromSeconds(20));
        await harness.Peer.SendAsync(new EnquireLink(), 3);

        Assert.Equal(3u, (await harness.Peer.ReceiveAsync<EnquireLinkResp>()).SequenceNumber);
    }

    [Fact]
    public async Task Keep_alive_can_be_turned_off()
    {
        var time = SessionHarness.NewFakeTime();
        var options = Options();
        options.EnquireLinkInterval = TimeSpan.Zero;
        await using var harness = SessionHarness.Start(SmppRole.Smsc, options, time);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        time.Advance(TimeSpan.FromMinutes(10));
        await harness.Peer.SendAsync(new EnquireLink(), 2);

        Assert.Equal(2u, (await harness.Peer.ReceiveAsync<EnquireLinkResp>()).SequenceNumber);
    }

    [Fact]
    public async Task Smsc_closes_a_connection_that_never_binds()
    {
        var time = SessionHarness.NewFakeTime();
        await using var harness = SessionHarness.Start(SmppRole.Smsc, Options(), time);

        time.Advance(TimeSpan.FromSeconds(61));

        await harness.Closed();
        Assert.Equal(SmppCloseReason.BindTimeout, harness.Session.CloseReason);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(RawPeer.Patience);
        while (!condition())
        {
            await Task.Delay(5, patience.Token);
        }
    }
}
