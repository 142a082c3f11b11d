using System.Buffers;
using System.Buffers.Binary;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Fuzz;

/// <summary>
/// The fuzz target: the input is a byte stream as a peer might send it. It is fed to
/// <see cref="SmppFrameReader"/> three ways (one read, one octet per read, scattered reads), every frame is
/// decoded from the sequence and from a contiguous copy, and every decoded PDU is re-encoded and decoded again.
/// Any exception, whether thrown by the codec or by a broken invariant checked here, is a finding.
/// </summary>
internal static class SmppDecoderFuzzTarget
{
    /// <summary>The frame-size limit the target reads with: the library default.</summary>
    public const int MaxCommandLength = SmppFrameReader.DefaultMaxCommandLength;

    /// <summary>Inputs longer than this skip the one-octet-per-read pass, whose cost grows with the square of the length.</summary>
    private const int SingleByteSplitLimit = 4096;

    /// <summary>Runs one input; throws on any finding.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        // The decoder must also survive being handed anything at all as a "frame", not only what the reader slices.
        var direct = PduDecoder.Decode(input);
        if (direct.Pdu is { } directPdu)
        {
            CheckRoundTrip(input, direct.Header, directPdu);
        }

        var data = input.ToArray();
        var whole = ReadStream(data, StreamSplit.Whole);
        var scattered = ReadStream(data, StreamSplit.Scattered);
        Check(whole.SequenceEqual(scattered), "scattered reads sliced the stream differently from one read");
        if (data.Length <= SingleByteSplitLimit)
        {
            var singleBytes = ReadStream(data, StreamSplit.SingleBytes);
            Check(whole.SequenceEqual(singleBytes), "one-octet reads sliced the stream differently from one read");
        }
    }

    /// <summary>
    /// Feeds the stream to the frame reader one read at a time, as a session's read loop does, and returns what it
    /// found: each frame's offset and length, then how the stream ended (a partial frame, or an invalid length).
    /// </summary>
    private static List<FrameEvent> ReadStream(byte[] data, StreamSplit split)
    {
        var events = new List<FrameEvent>();
        var segments = MemorySegment.Chain(data, SegmentLengths(data, split));
        var consumedSegment = segments[0];
        var consumedIndex = 0;
        var consumedOffset = 0;
        foreach (var arrived in segments)
        {
            var buffer = new ReadOnlySequence<byte>(consumedSegment, consumedIndex, arrived, arrived.Memory.Length);
            while (true)
            {
                var before = buffer;
                var status = SmppFrameReader.TryReadFrame(ref buffer, MaxCommandLength, out var header, out var frame);
                if (status == FrameStatus.InvalidLength)
                {
                    Check(before.Length >= 4 && !IsValidLength(DeclaredLength(before)), "InvalidLength for a valid command_length");
                    Check(buffer.Length == before.Length, "InvalidLength consumed bytes");
                    events.Add(new FrameEvent(FrameStatus.InvalidLength, consumedOffset, DeclaredLength(before)));
                    return events;
                }

                if (status == FrameStatus.Incomplete)
                {
                    CheckIncomplete(before, buffer, header, frame);
                    break;
                }

                if (status != FrameStatus.Complete)
                {
                    throw Finding($"unknown frame status {status}");
                }

                CheckFrame(data, consumedOffset, before, buffer, header, frame);
                DecodeFrame(frame, header, roundTrip: split == StreamSplit.Whole);
                events.Add(new FrameEvent(FrameStatus.Complete, consumedOffset, header.CommandLength));
                consumedOffset += (int)frame.Length;
                consumedSegment = (MemorySegment)buffer.Start.GetObject()!;
                consumedIndex = buffer.Start.GetInteger();
            }
        }

        events.Add(new FrameEvent(FrameStatus.Incomplete, consumedOffset, (uint)(data.Length - consumedOffset)));
        return events;
    }

    private static void CheckIncomplete(ReadOnlySequence<byte> before, ReadOnlySequence<byte> after, PduHeader header, ReadOnlySequence<byte> frame)
    {
        Check(after.Length == before.Length && after.Start.Equals(before.Start), "Incomplete consumed bytes");
        Check(frame.IsEmpty, "Incomplete returned a frame");
        if (before.Length >= 4)
        {
            Check(IsValidLength(DeclaredLength(before)), "Incomplete for an invalid command_length (it should be rejected at once)");
        }

        if (before.Length >= PduHeader.Size)
        {
            Check(header.CommandLength > before.Length, "Incomplete although the whole frame is buffered");
            Check(header == HeaderOf(before), "Incomplete returned a header other than the buffered one");
        }
    }

    private static void CheckFrame(byte[] data, int offset, ReadOnlySequence<byte> before, ReadOnlySequence<byte> after, PduHeader header, ReadOnlySequence<byte> frame)
    {
        if (!IsValidLength(header.CommandLength))
        {
            throw Finding($"frame of invalid length {header.CommandLength} returned");
        }

        Check(frame.Length == header.CommandLength, "frame length differs from command_length");
        Check(after.Length == before.Length - frame.Length, "buffer not advanced by exactly one frame");
        Check(header == HeaderOf(frame), "header differs from the frame's first 16 octets");
        Check(frame.ToArray().AsSpan().SequenceEqual(data.AsSpan(offset, (int)frame.Length)), "frame octets differ from the stream's");
    }

    /// <summary>Decodes the frame as a sequence and as a contiguous span; both must agree, and a PDU must round-trip.</summary>
    private static void DecodeFrame(ReadOnlySequence<byte> frame, PduHeader header, bool roundTrip)
    {
        var contiguous = frame.ToArray();
        var fromSequence = PduDecoder.Decode(frame);
        var fromSpan = PduDecoder.Decode(contiguous);
        Check(fromSpan.Header == header && fromSequence.Header == header, "decoded header differs from the framed one");
        if (fromSequence.Error != fromSpan.Error)
        {
            throw Finding($"sequence decode said {fromSequence.Error}, span decode {fromSpan.Error}");
        }

        Check(fromSequence.IsSuccess == fromSpan.IsSuccess, "sequence and span decodes disagree on success");
        Check(fromSpan.IsSuccess == (fromSpan.Error == CommandStatus.Ok), "a result has both a PDU and an error, or neither");
        if (fromSpan.Pdu is not { } pdu)
        {
            return;
        }

        Check(PduEncoder.ToArray(pdu).AsSpan().SequenceEqual(PduEncoder.ToArray(fromSequence.Pdu!)), "sequence and span decodes re-encode differently");
        if (roundTrip)
        {
            CheckRoundTrip(contiguous, header, pdu);
        }
    }

    /// <summary>
    /// A decoded PDU re-encodes to the received octets when command_status is zero (the codec is lossless); an
    /// error response may drop its body (section 4.4.2 omits it), so then re-encoding must at least be stable:
    /// decode(encode(pdu)) encodes to the same octets again.
    /// </summary>
    private static void CheckRoundTrip(ReadOnlySpan<byte> received, PduHeader header, Pdu pdu)
    {
        if (pdu.CommandId != header.CommandId)
        {
            throw Finding($"decoded {pdu.CommandId} from a {header.CommandId} header");
        }

        Check(pdu.SequenceNumber == header.SequenceNumber && pdu.CommandStatus == header.CommandStatus, "decoded PDU lost header fields");
        var encoded = PduEncoder.ToArray(pdu);
        Check(encoded.Length == pdu.EncodedLength, "encoded size differs from EncodedLength");
        if (header.CommandStatus == CommandStatus.Ok && !encoded.AsSpan().SequenceEqual(received))
        {
            throw Finding($"{pdu.CommandId} does not re-encode to the octets it was decoded from");
        }

        var again = PduDecoder.Decode(encoded);
        if (again.Pdu is null)
        {
            throw Finding($"re-encoded {pdu.CommandId} fails to decode: {again.Error}");
        }

        Check(again.Header.CommandId == header.CommandId && again.Header.SequenceNumber == header.SequenceNumber, "re-decoded header differs");
        if (!PduEncoder.ToArray(again.Pdu).AsSpan().SequenceEqual(encoded))
        {
            throw Finding($"{pdu.CommandId} re-encodes differently after a round trip");
        }
    }

    private static IEnumerable<int> SegmentLengths(byte[] data, StreamSplit split)
    {
        switch (split)
        {
            case StreamSplit.Whole:
                yield return data.Length;
                break;
            case StreamSplit.SingleBytes:
                for (var i = 0; i < data.Length; i++)
                {
                    yield return 1;
                }

                break;
            default:
                // Seeded from the input so that a crash replays exactly; xorshift32 needs a non-zero state.
                var state = Fnv1a(data) | 1;
                while (true)
                {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    yield return (int)(state % 24);
                }
        }
    }

    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static bool IsValidLength(uint length) => length is >= PduHeader.Size and <= MaxCommandLength;

    private static uint DeclaredLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt32BigEndian(prefix);
    }

    private static PduHeader HeaderOf(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[PduHeader.Size];
        buffer.Slice(0, PduHeader.Size).CopyTo(header);
        return PduDecoder.ReadHeader(header);
    }

    // Messages with details are built only on failure: the checks run millions of times under a fuzzer.
    private static void Check(bool condition, string finding)
    {
        if (!condition)
        {
            throw Finding(finding);
        }
    }

    private static InvalidOperationException Finding(string finding) => new("Fuzz invariant broken: " + finding);

    /// <summary>One thing the frame reader reported at a stream offset; <see cref="Length"/> is the declared or leftover length.</summary>
    private readonly record struct FrameEvent(FrameStatus Status, int Offset, uint Length);
}
