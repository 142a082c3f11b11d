using System.Buffers;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Encodes PDUs. The size is computed first, then the header and body are written into one span obtained from
/// the destination <see cref="IBufferWriter{T}"/> (a pipe or a pooled buffer), so encoding allocates nothing.
/// </summary>
public static class PduEncoder
{
    /// <summary>Writes the PDU into <paramref name="output"/> and returns the number of bytes written.</summary>
    public static int Encode(Pdu pdu, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        ArgumentNullException.ThrowIfNull(output);
        var length = pdu.EncodedLength;
        var span = output.GetSpan(length);
        Write(pdu, span[..length]);
        output.Advance(length);
        return length;
    }

    /// <summary>Writes the PDU into a span of at least <see cref="Pdu.EncodedLength"/> bytes.</summary>
    public static int Encode(Pdu pdu, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var length = pdu.EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the PDU needs {length}.", nameof(destination));
        }

        Write(pdu, destination[..length]);
        return length;
    }

    /// <summary>Encodes into a new array; for tests and tools, not hot paths.</summary>
    public static byte[] ToArray(Pdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var bytes = new byte[pdu.EncodedLength];
        Write(pdu, bytes);
        return bytes;
    }

    private static void Write(Pdu pdu, Span<byte> span)
    {
        var writer = new PduWriter(span);
        writer.WriteUInt32((uint)span.Length);
        writer.WriteUInt32((uint)pdu.CommandId);
        writer.WriteUInt32((uint)pdu.CommandStatus);
        writer.WriteUInt32(pdu.SequenceNumber);
        if (!pdu.OmitsBody)
        {
            pdu.WriteMandatoryBody(ref writer);
            writer.WriteTlvs(pdu.TlvsOrNull);
        }

        if (writer.Position != span.Length)
        {
            // A PDU whose declared size disagrees with what it wrote is a bug in this library, never input.
            throw new InvalidOperationException($"{pdu.CommandId} wrote {writer.Position} bytes but declared {span.Length}.");
        }
    }
}
