using System.Buffers;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Slices whole PDUs off a byte stream. The declared command_length is checked against the minimum (16, the
/// header) and a configured maximum as soon as the header is buffered, before any body byte is waited for, so
/// a hostile peer cannot make the session buffer without bound.
/// </summary>
public static class SmppFrameReader
{
    /// <summary>The default largest PDU accepted: a data_sm with a 64K message_payload fits.</summary>
    public const int DefaultMaxCommandLength = 70_000;

    /// <summary>
    /// Tries to take one frame from the front of <paramref name="buffer"/>. On <see cref="FrameStatus.Complete"/>
    /// the frame is sliced and the buffer advanced past it. On <see cref="FrameStatus.InvalidLength"/> the stream
    /// cannot be re-synchronised: answer generic_nack with <paramref name="header"/>'s sequence number and close.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCommandLength"/> is below the 16-octet header.</exception>
    public static FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxCommandLength, out PduHeader header, out ReadOnlySequence<byte> frame)
    {
        // A zero or negative maximum would wrap to 4 GiB in the unsigned comparison below and disable the bound.
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCommandLength, PduHeader.Size);
        frame = default;
        header = default;
        if (buffer.Length < PduHeader.Size)
        {
            // A length prefix that is already impossible need not wait for the rest of the header.
            if (buffer.Length >= 4 && !IsValidLength(ReadLength(buffer), maxCommandLength))
            {
                return FrameStatus.InvalidLength;
            }

            return FrameStatus.Incomplete;
        }

        Span<byte> headerBytes = stackalloc byte[PduHeader.Size];
        buffer.Slice(0, PduHeader.Size).CopyTo(headerBytes);
        header = PduDecoder.ReadHeader(headerBytes);
        if (!IsValidLength(header.CommandLength, maxCommandLength))
        {
            return FrameStatus.InvalidLength;
        }

        if (buffer.Length < header.CommandLength)
        {
            return FrameStatus.Incomplete;
        }

        frame = buffer.Slice(0, header.CommandLength);
        buffer = buffer.Slice(header.CommandLength);
        return FrameStatus.Complete;
    }

    private static bool IsValidLength(uint length, int max) => length >= PduHeader.Size && length <= (uint)max;

    private static uint ReadLength(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(prefix);
    }
}
