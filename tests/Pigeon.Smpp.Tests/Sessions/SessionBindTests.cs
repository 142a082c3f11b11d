using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// The SMSC side of the bind state machine (sections 2.2, 2.3, 4.1), seen from the wire.
public sealed class SessionBindTests
{
    [Fact]
    public async Task Submit_sm_before_bind_is_answered_invalid_bind_status()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Peer.SendAsync(RawPeer.Submit(), 7);
        var response = await harness.Peer.ReceiveAsync<SubmitSmResp>();

        Assert.Equal(CommandStatus.InvalidBindStatus, response.CommandStatus);
        Assert.Equal(7u, response.SequenceNumber);
        Assert.Empty(harness.Owner.Requests);
    }

    [Fact]
    public async Task Accepted_bind_answers_with_the_smsc_system_id_and_sc_interface_version_0x34()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        var response = await harness.Peer.BindAsync(RawPeer.Transceiver("acme"), sequenceNumber: 3);

        var resp = Assert.IsType<BindTransceiverResp>(response);
        Assert.Equal(CommandStatus.Ok, resp.CommandStatus);
        Assert.Equal(3u, resp.SequenceNumber);
        Assert.Equal("smsc", resp.SystemId);
        Assert.Equal((byte)0x34, resp.ScInterfaceVersion);
        await harness.Owner.Bound.Task.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);
        Assert.Equal(SmppSessionState.BoundTransceiver, harness.Session.State);
        Assert.Equal("acme", harness.Session.PeerSystemId);
    }

    [Theory]
    [InlineData((byte)0x50)]
    [InlineData((byte)0x34)]
    public async Task Version_5_and_3_4_binds_are_answered_as_3_4(byte version)
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        var bind = RawPeer.Transceiver();
        bind.InterfaceVersion = version;

        var response = await harness.Peer.BindAsync(bind);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal((byte)0x34, response.ScInterfaceVersion);
    }

    [Fact]
    public async Task Version_3_3_bind_is_accepted_without_the_tlv_3_3_does_not_know()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        var bind = new BindTransmitter { SystemId = "old", Password = "pw", InterfaceVersion = 0x33 };

        var response = await harness.Peer.BindAsync(bind);

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.False(response.HasTlvs);
    }

    [Fact]
    public async Task Bind_with_an_unknown_interface_version_fails_and_closes()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        var bind = RawPeer.Transceiver();
        bind.InterfaceVersion = 0x40;

        var response = await harness.Peer.BindAsync(bind);

        Assert.Equal(CommandStatus.BindFailed, response.CommandStatus);
        await harness.Closed();
        Assert.Equal(SmppCloseReason.BindRejected, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Refused_bind_carries_the_authenticators_status_and_closes_the_session()
    {
        var owner = new RecordingOwner { Authenticate = bind => bind.Password == "secret" ? CommandStatus.Ok : CommandStatus.InvalidPassword };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, owner: owner);

        var response = await harness.Peer.BindAsync(RawPeer.Transceiver(password: "wrong"));

        Assert.Equal(CommandStatus.InvalidPassword, response.CommandStatus);
        Assert.Empty(await harness.Peer.ReceiveUntilClosedAsync());
        await harness.Closed();
        Assert.Equal(SmppCloseReason.BindRejected, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Second_bind_is_answered_already_bound_and_the_session_stays_bound()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        var second = await harness.Peer.BindAsync(new BindReceiver { SystemId = "esme" }, sequenceNumber: 2);

        Assert.IsType<BindReceiverResp>(second);
        Assert.Equal(CommandStatus.AlreadyBound, second.CommandStatus);
        Assert.Equal(SmppSessionState.BoundTransceiver, harness.Session.State);
    }

    [Fact]
    public async Task Submit_sm_on_a_receiver_bind_is_answered_invalid_bind_status()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(new BindReceiver { SystemId = "esme" });

        await harness.Peer.SendAsync(RawPeer.Submit(), 2);
        var response = await harness.Peer.ReceiveAsync<SubmitSmResp>();

        Assert.Equal(CommandStatus.InvalidBindStatus, response.CommandStatus);
        Assert.Empty(harness.Owner.Requests);
    }

    [Fact]
    public async Task Submit_sm_on_a_transmitter_bind_reaches_the_owner_and_its_answer_goes_back()
    {
        var owner = new RecordingOwner
        {
            Handle = (request, _) => ValueTask.FromResult<ResponsePdu?>(new SubmitSmResp { MessageId = "m-1" }),
        };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, owner: owner);
        await harness.Peer.BindAsync(new BindTransmitter { SystemId = "esme" });

        await harness.Peer.SendAsync(RawPeer.Submit(), 9);
        var response = await harness.Peer.ReceiveAsync<SubmitSmResp>();

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal(9u, response.SequenceNumber);
        Assert.Equal("m-1", response.MessageId);
        Assert.IsType<SubmitSm>(Assert.Single(owner.Requests));
    }

    [Fact]
    public async Task Handler_returning_null_answers_ok()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        await harness.Peer.SendAsync(RawPeer.Submit(), 2);
        var response = await harness.Peer.ReceiveAsync<SubmitSmResp>();

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
    }

    [Fact]
    public async Task Handler_that_throws_answers_system_error_and_the_session_carries_on()
    {
        var owner = new RecordingOwner { Handle = (_, _) => throw new InvalidOperationException("application bug") };
        await using var harness = SessionHarness.Start(SmppRole.Smsc, owner: owner);
        await harness.Peer.BindAsync(RawPeer.Transceiver());

        await harness.Peer.SendAsync(RawPeer.Submit(), 2);
        var failed = await harness.Peer.ReceiveAsync<SubmitSmResp>();
        await harness.Peer.SendAsync(new EnquireLink(), 3);
        var alive = await harness.Peer.ReceiveAsync<EnquireLinkResp>();

        Assert.Equal(CommandStatus.SystemError, failed.CommandStatus);
        Assert.Equal(3u, alive.SequenceNumber);
    }

    [Fact]
    public async Task Deliver_sm_before_bind_is_refused_by_an_esme()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        await harness.Peer.SendAsync(new DeliverSm(), 4);
        var response = await harness.Peer.ReceiveAsync<DeliverSmResp>();

        Assert.Equal(CommandStatus.InvalidBindStatus, response.CommandStatus);
    }

    [Fact]
    public async Task Esme_bind_moves_to_the_bound_state_the_smsc_accepted()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        var binding = harness.Session.BindAsync(new BindReceiver { SystemId = "me", Password = "pw" }, TestContext.Current.CancellationToken).AsTask();
        var bind = await harness.Peer.ReceiveAsync<BindReceiver>();
        await harness.Peer.SendAsync(new BindReceiverResp { SystemId = "SMSC", ScInterfaceVersion = 0x34 }, bind.SequenceNumber);
        var response = await binding;

        Assert.Equal(CommandStatus.Ok, response.CommandStatus);
        Assert.Equal("me", bind.SystemId);
        Assert.Equal(SmppSessionState.BoundReceiver, harness.Session.State);
        Assert.Equal("SMSC", harness.Session.PeerSystemId);
        Assert.Equal((byte)0x34, harness.Session.PeerInterfaceVersion);
    }

    [Fact]
    public async Task Esme_refuses_to_send_submit_sm_before_it_is_bound()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        var error = await Assert.ThrowsAsync<SmppException>(() => harness.Session.SendAsync(RawPeer.Submit(), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(CommandStatus.InvalidBindStatus, error.Status);
        Assert.False(harness.Peer.HasPendingBytes());
    }
}
