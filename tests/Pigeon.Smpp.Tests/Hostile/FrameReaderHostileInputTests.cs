using System.Buffers;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Fuzz;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// What <see cref="SmppFrameReader.TryReadFrame"/> does with truncated, oversized and oddly segmented input.
/// Section 3.2: command_length counts the whole PDU, the 16-octet header included.
/// </summary>
public sealed class FrameReaderHostileInputTests
{
    private const int Max = SmppFrameReader.DefaultMaxCommandLength;

    // Section 4.11.1: enquire_link is a bare header, command_id 0x00000015.
    private static readonly byte[] EnquireLink =
    [
        0x00, 0x00, 0x00, 0x10, // command_length 16
        0x00, 0x00, 0x00, 0x15, // command_id enquire_link
        0x00, 0x00, 0x00, 0x00, // command_status
        0x00, 0x00, 0x00, 0x07, // sequence_number 7
    ];

    // Section 4.4.2: submit_sm_resp with message_id "abc".
    private static readonly byte[] SubmitSmResp =
    [
        0x00, 0x00, 0x00, 0x14, // command_length 20
        0x80, 0x00, 0x00, 0x04, // command_id submit_sm_resp
        0x00, 0x00, 0x00, 0x00, // command_status
        0x00, 0x00, 0x00, 0x08, // sequence_number 8
        0x61, 0x62, 0x63, 0x00, // message_id "abc"
    ];

    [Fact]
    public void An_empty_buffer_is_incomplete()
    {
        var buffer = ReadOnlySequence<byte>.Empty;

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out var frame);

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.True(frame.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_partly_received_length_prefix_is_incomplete(int received)
    {
        var buffer = new ReadOnlySequence<byte>(EnquireLink, 0, received);

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.Equal(received, buffer.Length);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(15)]
    public void A_partly_received_header_with_a_valid_length_is_incomplete(int received)
    {
        var buffer = new ReadOnlySequence<byte>(SubmitSmResp, 0, received);

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.Equal(received, buffer.Length);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(19)]
    public void A_partly_received_body_is_incomplete_and_nothing_is_consumed(int received)
    {
        var buffer = new ReadOnlySequence<byte>(SubmitSmResp, 0, received);
        var start = buffer.Start;

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out var frame);

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.Equal(received, buffer.Length);
        Assert.Equal(start, buffer.Start);
        Assert.True(frame.IsEmpty);
        Assert.Equal(20u, header.CommandLength);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(4u)]
    [InlineData(15u)]
    public void A_command_length_shorter_than_the_header_is_invalid_as_soon_as_four_octets_are_in(uint commandLength)
    {
        var buffer = new ReadOnlySequence<byte>(WireFrame.Header(commandLength, CommandId.EnquireLink, 3), 0, 4);

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out var frame);

        Assert.Equal(FrameStatus.InvalidLength, status);
        Assert.True(frame.IsEmpty);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(4u)]
    [InlineData(15u)]
    public void A_command_length_shorter_than_the_header_is_invalid_and_the_header_names_the_sequence_to_nack(uint commandLength)
    {
        var buffer = new ReadOnlySequence<byte>(WireFrame.Header(commandLength, CommandId.EnquireLink, 3));

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out _);

        Assert.Equal(FrameStatus.InvalidLength, status);
        Assert.Equal(3u, header.SequenceNumber);
        Assert.Equal(16, buffer.Length);
    }

    [Fact]
    public void A_command_length_of_sixteen_is_a_valid_bare_header()
    {
        var buffer = new ReadOnlySequence<byte>(EnquireLink);

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out var frame);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal(new PduHeader(16, CommandId.EnquireLink, CommandStatus.Ok, 7), header);
        Assert.Equal(EnquireLink, frame.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0x80000000u, Max)] // 2^31: would be negative as an int
    [InlineData(0xFFFFFFFFu, Max)]
    [InlineData(Max + 1u, Max)]
    [InlineData(1025u, 1024)]
    public void A_command_length_above_the_maximum_is_invalid_as_soon_as_four_octets_are_in(uint commandLength, int max)
    {
        var buffer = new ReadOnlySequence<byte>(WireFrame.Header(commandLength, CommandId.SubmitSm, 1), 0, 4);

        var status = SmppFrameReader.TryReadFrame(ref buffer, max, out _, out var frame);

        Assert.Equal(FrameStatus.InvalidLength, status);
        Assert.True(frame.IsEmpty);
        Assert.Equal(4, buffer.Length);
    }

    [Theory]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(Max + 1u)]
    public void A_command_length_above_the_maximum_is_invalid_with_the_whole_header_in(uint commandLength)
    {
        var buffer = new ReadOnlySequence<byte>(WireFrame.Header(commandLength, CommandId.SubmitSm, 9));

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out _);

        Assert.Equal(FrameStatus.InvalidLength, status);
        Assert.Equal(9u, header.SequenceNumber);
        Assert.Equal(commandLength, header.CommandLength);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(Max)]
    public void A_frame_of_exactly_the_maximum_length_is_accepted(int max)
    {
        var bytes = new WireFrame(CommandId.SubmitSm, 5).Repeat(0x41, max - PduHeader.Size).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = SmppFrameReader.TryReadFrame(ref buffer, max, out var header, out var frame);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal((uint)max, header.CommandLength);
        Assert.Equal(max, frame.Length);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(15)]
    public void A_configured_maximum_below_the_header_size_is_refused_rather_than_wrapping_to_no_bound(int max)
    {
        var bytes = WireFrame.Header(0xFFFFFFFF, CommandId.SubmitSm, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var buffer = new ReadOnlySequence<byte>(bytes);
            SmppFrameReader.TryReadFrame(ref buffer, max, out _, out _);
        });
    }

    [Fact]
    public void A_frame_of_the_maximum_length_waits_for_its_last_octet()
    {
        const int max = 1024;
        var bytes = new WireFrame(CommandId.SubmitSm, 5).Repeat(0x41, max - PduHeader.Size).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes, 0, max - 1);

        var status = SmppFrameReader.TryReadFrame(ref buffer, max, out _, out _);

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.Equal(max - 1, buffer.Length);
    }

    [Fact]
    public void A_frame_arriving_one_octet_per_segment_is_incomplete_until_its_last_octet()
    {
        var whole = MemorySegment.ToSequence(MemorySegment.Chain(SubmitSmResp, Enumerable.Repeat(1, SubmitSmResp.Length)));

        for (var received = 0; received < SubmitSmResp.Length; received++)
        {
            var partial = whole.Slice(0, received);
            var status = SmppFrameReader.TryReadFrame(ref partial, Max, out _, out _);
            Assert.Equal(FrameStatus.Incomplete, status);
            Assert.Equal(received, partial.Length);
        }
    }

    [Fact]
    public void A_frame_split_into_one_octet_segments_is_sliced_and_decoded_whole()
    {
        var buffer = MemorySegment.ToSequence(MemorySegment.Chain(SubmitSmResp, Enumerable.Repeat(1, SubmitSmResp.Length)));
        Assert.False(buffer.IsSingleSegment);

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out var frame);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal(SubmitSmResp, frame.ToArray());
        Assert.True(buffer.IsEmpty);
        var resp = Assert.IsType<SubmitSmResp>(PduDecoder.Decode(frame).Pdu);
        Assert.Equal("abc", resp.MessageId);
        Assert.Equal(8u, header.SequenceNumber);
    }

    [Fact]
    public void Two_back_to_back_pdus_in_one_buffer_are_sliced_in_order()
    {
        var buffer = new ReadOnlySequence<byte>([.. SubmitSmResp, .. EnquireLink]);

        var first = SmppFrameReader.TryReadFrame(ref buffer, Max, out var firstHeader, out var firstFrame);
        var second = SmppFrameReader.TryReadFrame(ref buffer, Max, out var secondHeader, out var secondFrame);
        var third = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal((FrameStatus.Complete, FrameStatus.Complete, FrameStatus.Incomplete), (first, second, third));
        Assert.Equal(SubmitSmResp, firstFrame.ToArray());
        Assert.Equal(EnquireLink, secondFrame.ToArray());
        Assert.Equal((CommandId.SubmitSmResp, CommandId.EnquireLink), (firstHeader.CommandId, secondHeader.CommandId));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void A_whole_pdu_followed_by_part_of_the_next_leaves_the_part_buffered()
    {
        var buffer = new ReadOnlySequence<byte>([.. EnquireLink, .. SubmitSmResp.AsSpan(0, 18)]);

        var first = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);
        var second = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal((FrameStatus.Complete, FrameStatus.Incomplete), (first, second));
        Assert.Equal(SubmitSmResp.AsSpan(0, 18).ToArray(), buffer.ToArray());
    }

    [Fact]
    public void A_valid_pdu_followed_by_an_oversized_length_yields_the_pdu_then_invalid_length()
    {
        var buffer = new ReadOnlySequence<byte>([.. EnquireLink, 0xFF, 0xFF, 0xFF, 0xFF]);

        var first = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out var frame);
        var second = SmppFrameReader.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal((FrameStatus.Complete, FrameStatus.InvalidLength), (first, second));
        Assert.Equal(EnquireLink, frame.ToArray());
    }

    [Fact]
    public void A_frame_whose_header_straddles_segments_is_read_the_same_as_a_contiguous_one()
    {
        // Segments of 3, 5 and 7 octets put the cuts inside command_length, command_id and sequence_number.
        var buffer = MemorySegment.ToSequence(MemorySegment.Chain(SubmitSmResp, [3, 5, 7]));

        var status = SmppFrameReader.TryReadFrame(ref buffer, Max, out var header, out var frame);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal(new PduHeader(20, CommandId.SubmitSmResp, CommandStatus.Ok, 8), header);
        Assert.Equal(SubmitSmResp, frame.ToArray());
    }
}
