using System.Buffers;
using System.Buffers.Binary;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Decodes one whole frame, as <see cref="SmppFrameReader"/> slices it, into a PDU. Never throws on bad input.
/// </summary>
public static class PduDecoder
{
    /// <summary>Frames larger than this are copied to a pooled array when they span segments.</summary>
    private const int StackCopyLimit = 512;

    /// <summary>Decodes a frame held in a possibly multi-segment sequence.</summary>
    public static PduDecodeResult Decode(in ReadOnlySequence<byte> frame)
    {
        if (frame.IsSingleSegment)
        {
            return Decode(frame.FirstSpan);
        }

        var length = (int)frame.Length;
        if (length <= StackCopyLimit)
        {
            Span<byte> copy = stackalloc byte[length];
            frame.CopyTo(copy);
            return Decode(copy);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(rented);
            return Decode(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes a frame: 16-byte header whose command_length equals the span's length, then the body.</summary>
    public static PduDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < PduHeader.Size)
        {
            return new PduDecodeResult(default, null, CommandStatus.InvalidCommandLength);
        }

        var header = ReadHeader(frame);
        if (header.CommandLength != (uint)frame.Length)
        {
            return new PduDecodeResult(header, null, CommandStatus.InvalidCommandLength);
        }

        var pdu = PduFactory.Create(header.CommandId);
        if (pdu is null)
        {
            return new PduDecodeResult(header, null, CommandStatus.InvalidCommandId);
        }

        pdu.CommandStatus = header.CommandStatus;
        pdu.SequenceNumber = header.SequenceNumber;
        var reader = new PduReader(frame[PduHeader.Size..]);
        pdu.ReadMandatoryBody(ref reader);
        var tlvs = reader.ReadTlvs();
        if (!reader.Ok)
        {
            return new PduDecodeResult(header, null, reader.Error);
        }

        pdu.SetTlvs(tlvs);
        return new PduDecodeResult(header, pdu, CommandStatus.Ok);
    }

    /// <summary>Reads the four header fields from the first 16 bytes.</summary>
    public static PduHeader ReadHeader(ReadOnlySpan<byte> header) => new(
        BinaryPrimitives.ReadUInt32BigEndian(header),
        (CommandId)BinaryPrimitives.ReadUInt32BigEndian(header[4..]),
        (CommandStatus)BinaryPrimitives.ReadUInt32BigEndian(header[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(header[12..]));
}
