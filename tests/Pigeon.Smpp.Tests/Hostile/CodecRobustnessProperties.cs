using System.Buffers;
using System.Buffers.Binary;
using FsCheck.Xunit;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Fuzz;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>Properties that must hold for any input a peer can send: no exception, no oversized frame.</summary>
public sealed class CodecRobustnessProperties
{
    private static readonly CommandId[] CommandIds = Enum.GetValues<CommandId>();

    [Property(MaxTest = 1000)]
    public void Decode_never_throws_for_any_byte_array(byte[] bytes)
    {
        var result = PduDecoder.Decode(bytes ?? []);

        Assert.Equal(result.Pdu is not null, result.Error == CommandStatus.Ok);
    }

    [Property(MaxTest = 2000)]
    public void Decode_never_throws_for_a_correctly_framed_known_command_with_any_body(byte commandIndex, bool errorStatus, uint sequenceNumber, byte[] body)
    {
        // A true command_length and a defined command_id get random bodies past the header checks into every body parser.
        var commandId = CommandIds[commandIndex % CommandIds.Length];
        var status = errorStatus ? CommandStatus.Throttled : CommandStatus.Ok;
        var frame = new WireFrame(commandId, sequenceNumber, status).Octets(body ?? []).ToArray();

        var result = PduDecoder.Decode(frame);

        Assert.Equal(result.Pdu is not null, result.Error == CommandStatus.Ok);
        Assert.Equal(sequenceNumber, result.Header.SequenceNumber);
    }

    [Property(MaxTest = 1000)]
    public void Decoding_any_byte_array_from_segments_agrees_with_decoding_it_contiguously(byte[] bytes, byte[] segmentSizes)
    {
        bytes ??= [];
        var segmented = MemorySegment.ToSequence(MemorySegment.Chain(bytes, (segmentSizes ?? []).Select(size => (int)size)));

        var fromSegments = PduDecoder.Decode(segmented);
        var contiguous = PduDecoder.Decode(bytes);

        Assert.Equal((contiguous.Header, contiguous.Error), (fromSegments.Header, fromSegments.Error));
    }

    [Property(MaxTest = 2000)]
    public void TryReadFrame_never_throws_and_never_returns_a_frame_outside_16_to_the_maximum(uint[] lengthPrefixes, byte[] segmentSizes, byte maximumSlack)
    {
        var max = PduHeader.Size + maximumSlack;
        var stream = StreamOfFrames(lengthPrefixes ?? [], max);
        var buffer = MemorySegment.ToSequence(MemorySegment.Chain(stream, (segmentSizes ?? []).Select(size => (int)size)));
        long consumed = 0;

        FrameStatus status;
        while ((status = SmppFrameReader.TryReadFrame(ref buffer, max, out var header, out var frame)) == FrameStatus.Complete)
        {
            Assert.InRange(frame.Length, PduHeader.Size, max);
            Assert.Equal(header.CommandLength, (uint)frame.Length);
            consumed += frame.Length;
        }

        Assert.Equal(stream.Length, consumed + buffer.Length);
        if (status == FrameStatus.InvalidLength)
        {
            Assert.False(IsValid(DeclaredLength(buffer), max));
        }
    }

    /// <summary>
    /// Frames whose length prefixes are drawn from three kinds: below the header size, within [16, max], and any
    /// value at all; each is followed by as many filler octets as it declares (capped), so most streams hold a few
    /// good frames before something hostile.
    /// </summary>
    private static byte[] StreamOfFrames(uint[] prefixes, int max)
    {
        var stream = new List<byte>();
        Span<byte> prefixBytes = stackalloc byte[4];
        foreach (var prefix in prefixes)
        {
            var length = (prefix % 3) switch
            {
                0 => prefix % PduHeader.Size,
                1 => (uint)(PduHeader.Size + (prefix % (max - PduHeader.Size + 1))),
                _ => prefix,
            };
            BinaryPrimitives.WriteUInt32BigEndian(prefixBytes, length);
            stream.AddRange(prefixBytes);
            var filler = (int)Math.Min(length, 300u) - prefixBytes.Length;
            stream.AddRange(Enumerable.Repeat((byte)0x5A, Math.Max(filler, 0)));
        }

        return [.. stream];
    }

    private static bool IsValid(uint length, int max) => length >= PduHeader.Size && length <= max;

    private static uint DeclaredLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt32BigEndian(prefix);
    }
}
