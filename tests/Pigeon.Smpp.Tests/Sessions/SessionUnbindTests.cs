using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// Ending a session (section 4.2): unbind answered by unbind_resp, from either side.
public sealed class SessionUnbindTests
{
    [Fact]
    public async Task Unbind_from_the_peer_is_answered_and_the_session_closes()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        await harness.Peer.SendAsync(new Unbind(), 5);
        var sent = await harness.Peer.ReceiveUntilClosedAsync();

        var response = Assert.IsType<UnbindResp>(Assert.Single(sent));
        Assert.Equal(5u, response.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        await harness.Closed();
        Assert.Equal(SmppCloseReason.PeerUnbound, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Unbind_from_the_peer_fails_our_outstanding_requests_with_link_down()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());
        var delivery = harness.Session.SendAsync(new DeliverSm(), TestContext.Current.CancellationToken).AsTask();
        await harness.Peer.ReceiveAsync<DeliverSm>();

        await harness.Peer.SendAsync(new Unbind(), 6);

        var error = await Assert.ThrowsAsync<SmppLinkDownException>(() => delivery);
        Assert.Equal(SmppCloseReason.PeerUnbound, error.Reason);
    }

    [Fact]
    public async Task Unbind_before_bind_is_refused()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Peer.SendAsync(new Unbind(), 1);

        Assert.Equal(CommandStatus.InvalidBindStatus, (await harness.Peer.ReceiveAsync<UnbindResp>()).CommandStatus);
        Assert.Equal(SmppSessionState.Open, harness.Session.State);
    }

    [Fact]
    public async Task UnbindAsync_sends_unbind_and_closes_on_unbind_resp()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        var unbinding = harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask();
        var unbind = await harness.Peer.ReceiveAsync<Unbind>();
        Assert.Equal(SmppSessionState.Unbinding, harness.Session.State);
        await harness.Peer.SendAsync(new UnbindResp(), unbind.SequenceNumber);
        await unbinding.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        Assert.Equal(SmppSessionState.Closed, harness.Session.State);
        Assert.Equal(SmppCloseReason.Unbound, harness.Session.CloseReason);
        Assert.Empty(await harness.Peer.ReceiveUntilClosedAsync());
    }

    [Fact]
    public async Task UnbindAsync_lets_outstanding_requests_finish_first()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());
        var delivery = harness.Session.SendAsync(new DeliverSm(), TestContext.Current.CancellationToken).AsTask();
        var deliver = await harness.Peer.ReceiveAsync<DeliverSm>();

        var unbinding = harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask();
        await harness.Peer.SendAsync(new DeliverSmResp(), deliver.SequenceNumber);
        var unbind = await harness.Peer.ReceiveAsync<Unbind>();
        await harness.Peer.SendAsync(new UnbindResp(), unbind.SequenceNumber);
        await unbinding.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, (await delivery).CommandStatus);
    }

    [Fact]
    public async Task UnbindAsync_refuses_new_requests_while_unbinding()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());
        var unbinding = harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask();
        var unbind = await harness.Peer.ReceiveAsync<Unbind>();

        await Assert.ThrowsAsync<SmppLinkDownException>(() => harness.Session.SendAsync(new DeliverSm(), TestContext.Current.CancellationToken).AsTask());
        await harness.Peer.SendAsync(new UnbindResp(), unbind.SequenceNumber);
        await unbinding.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Requests_the_peer_sent_before_seeing_our_unbind_are_still_served()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(new BindTransmitter { SystemId = "esme" });
        var unbinding = harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask();
        var unbind = await harness.Peer.ReceiveAsync<Unbind>();

        await harness.Peer.SendAsync(RawPeer.Submit(), 40);
        var response = await harness.Peer.ReceiveAsync<SubmitSmResp>();
        await harness.Peer.SendAsync(new UnbindResp(), unbind.SequenceNumber);
        await unbinding.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(40u, response.SequenceNumber);
    }

    [Fact]
    public async Task UnbindAsync_without_an_answer_closes_after_the_unbind_time_out()
    {
        var time = SessionHarness.NewFakeTime();
        var options = new SmppSessionOptions { UnbindTimeout = TimeSpan.FromSeconds(2), EnquireLinkInterval = TimeSpan.Zero };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, options, time);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        var unbinding = harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask();
        await harness.Peer.ReceiveAsync<Unbind>();
        time.Advance(TimeSpan.FromSeconds(3));
        await unbinding.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        Assert.Equal(SmppCloseReason.Unbound, harness.Session.CloseReason);
    }

    [Fact]
    public async Task UnbindAsync_on_an_unbound_session_just_closes()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Session.UnbindAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);

        Assert.Empty(await harness.Peer.ReceiveUntilClosedAsync());
        Assert.Equal(SmppCloseReason.Unbound, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Cancelled_unbind_closes_the_session_rather_than_leave_it_half_unbound()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());
        using var cancel = new CancellationTokenSource();

        var unbinding = harness.Session.UnbindAsync(cancel.Token).AsTask();
        await harness.Peer.ReceiveAsync<Unbind>();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => unbinding);
        await harness.Closed();
        Assert.Equal(SmppCloseReason.Aborted, harness.Session.CloseReason);
    }
}
