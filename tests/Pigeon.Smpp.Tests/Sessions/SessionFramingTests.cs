using FsCheck;
using FsCheck.Xunit;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Tests.Sessions;

// How the read loop slices the byte stream (section 3.1) and answers what it cannot decode (section 4.3).
public sealed class SessionFramingTests
{
    // enquire_link, sequence 0x0A; then the same with sequence 0x0B (section 4.11.1).
    private static readonly byte[] TwoEnquireLinks =
    [
        0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A,
        0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0B,
    ];

    [Fact]
    public async Task Two_pdus_in_one_read_are_both_answered_in_order()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Peer.SendBytesAsync(TwoEnquireLinks);
        var first = await harness.Peer.ReceiveAsync<EnquireLinkResp>();
        var second = await harness.Peer.ReceiveAsync<EnquireLinkResp>();

        Assert.Equal(0x0Au, first.SequenceNumber);
        Assert.Equal(0x0Bu, second.SequenceNumber);
    }

    [Fact]
    public async Task Pdu_split_across_reads_is_answered_once_whole()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Peer.SendBytesAsync(TwoEnquireLinks.AsMemory(0, 5));
        await harness.Peer.SendBytesAsync(TwoEnquireLinks.AsMemory(5, 11));
        var response = await harness.Peer.ReceiveAsync<EnquireLinkResp>();

        Assert.Equal(0x0Au, response.SequenceNumber);
    }

    [Property(MaxTest = 25)]
    public async Task<bool> Pdus_cut_at_any_points_are_all_answered_in_order(PositiveInt count, int seed)
    {
        var pdus = Math.Min(count.Get, 40);
        var stream = new byte[pdus * 16];
        for (var i = 0; i < pdus; i++)
        {
            PduEncoder.Encode(new EnquireLink { SequenceNumber = (uint)(i + 1) }, stream.AsSpan(i * 16));
        }

        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        var random = new Random(seed);
        for (var offset = 0; offset < stream.Length;)
        {
            var chunk = Math.Min(random.Next(1, 40), stream.Length - offset);
            await harness.Peer.SendBytesAsync(stream.AsMemory(offset, chunk));
            offset += chunk;
        }

        for (var i = 0; i < pdus; i++)
        {
            var response = await harness.Peer.ReceiveAsync<EnquireLinkResp>();
            if (response.SequenceNumber != (uint)(i + 1))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public async Task Unknown_command_id_is_answered_generic_nack_and_the_session_carries_on()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        byte[] unknown = [0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x99, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21];

        await harness.Peer.SendBytesAsync(unknown);
        var nack = await harness.Peer.ReceiveAsync<GenericNack>();
        await harness.Peer.SendAsync(new EnquireLink(), 0x22);
        var alive = await harness.Peer.ReceiveAsync<EnquireLinkResp>();

        Assert.Equal(CommandStatus.InvalidCommandId, nack.CommandStatus);
        Assert.Equal(0x21u, nack.SequenceNumber);
        Assert.Equal(0x22u, alive.SequenceNumber);
        Assert.NotEqual(SmppSessionState.Closed, harness.Session.State);
    }

    [Fact]
    public async Task Command_length_above_the_maximum_is_answered_generic_nack_and_closes()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc, new SmppSessionOptions { MaxCommandLength = 1024 });
        byte[] huge = [0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05];

        await harness.Peer.SendBytesAsync(huge);
        var sent = await harness.Peer.ReceiveUntilClosedAsync();

        var nack = Assert.IsType<GenericNack>(Assert.Single(sent));
        Assert.Equal(CommandStatus.InvalidCommandLength, nack.CommandStatus);
        Assert.Equal(5u, nack.SequenceNumber);
        await harness.Closed();
        Assert.Equal(SmppCloseReason.ProtocolError, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Command_length_below_the_header_size_is_refused_before_the_header_is_complete()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);

        await harness.Peer.SendBytesAsync(new byte[] { 0x00, 0x00, 0x00, 0x08 });
        var sent = await harness.Peer.ReceiveUntilClosedAsync();

        Assert.Equal(CommandStatus.InvalidCommandLength, Assert.IsType<GenericNack>(Assert.Single(sent)).CommandStatus);
        Assert.Equal(SmppCloseReason.ProtocolError, harness.Session.CloseReason);
    }

    [Fact]
    public async Task Request_with_a_malformed_body_gets_its_own_response_with_the_decode_error()
    {
        await using var harness = SessionHarness.Start(SmppRole.Smsc);
        // bind_transmitter whose system_id runs 20 octets with no NUL: longer than its 16-octet maximum (section 4.1.1).
        var body = new byte[20 + 2 + 1 + 3 + 1];
        body.AsSpan(0, 20).Fill((byte)'a');
        var frame = new byte[16 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)CommandId.BindTransmitter);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(12), 6);
        body.CopyTo(frame, 16);

        await harness.Peer.SendBytesAsync(frame);
        var response = await harness.Peer.ReceiveAsync<BindTransmitterResp>();

        Assert.Equal(CommandStatus.InvalidSystemId, response.CommandStatus);
        Assert.Equal(6u, response.SequenceNumber);
        Assert.Equal(SmppSessionState.Open, harness.Session.State);
    }

    [Fact]
    public async Task Peer_closing_the_stream_closes_the_session_and_fails_outstanding_requests()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);
        var waiting = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        await harness.Peer.ReceiveAsync<EnquireLink>();

        harness.Peer.Close();

        var error = await Assert.ThrowsAsync<SmppLinkDownException>(() => waiting);
        Assert.Equal(SmppCloseReason.ConnectionLost, error.Reason);
        await harness.Closed();
        await harness.Owner.Closed.Task.WaitAsync(RawPeer.Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Response_matching_no_request_is_ignored()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        await harness.Peer.SendAsync(new EnquireLinkResp(), 77);
        var waiting = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var request = await harness.Peer.ReceiveAsync<EnquireLink>();
        await harness.Peer.SendAsync(new EnquireLinkResp(), request.SequenceNumber);

        Assert.Equal(request.SequenceNumber, (await waiting).SequenceNumber);
    }

    [Fact]
    public async Task Generic_nack_completes_the_request_it_answers()
    {
        await using var harness = SessionHarness.Start(SmppRole.Esme);

        var waiting = harness.Session.SendAsync(new EnquireLink(), TestContext.Current.CancellationToken).AsTask();
        var request = await harness.Peer.ReceiveAsync<EnquireLink>();
        await harness.Peer.SendAsync(new GenericNack { CommandStatus = CommandStatus.InvalidCommandId }, request.SequenceNumber);

        var response = Assert.IsType<GenericNack>(await waiting);
        Assert.Equal(CommandStatus.InvalidCommandId, response.CommandStatus);
    }
}
