using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// sm_length (1 octet, 0..254) followed by short_message, as submit_sm, deliver_sm, submit_multi and replace_sm
/// lay them out (section 4.4.1). One octet of length cannot describe more than 255 octets, and the specification
/// stops at 254, so a longer value is refused when set rather than written as a corrupt PDU.
/// </summary>
internal static class ShortMessageField
{
    public static ReadOnlyMemory<byte> Validate(ReadOnlyMemory<byte> value, string paramName)
    {
        if (value.Length > FieldLimits.ShortMessage)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value.Length,
                $"short_message holds at most {FieldLimits.ShortMessage} octets; longer content goes in message_payload.");
        }

        return value;
    }

    public static int Size(ReadOnlyMemory<byte> value) => 1 + value.Length;

    public static void Write(ref PduWriter writer, ReadOnlyMemory<byte> value)
    {
        writer.WriteByte((byte)value.Length);
        writer.WriteBytes(value.Span);
    }

    /// <summary>
    /// Reads sm_length and the octets it announces. A length above 254, or one that runs past the end of the
    /// body, is ESME_RINVMSGLEN: the message length is what is wrong, not the PDU's framing.
    /// </summary>
    public static byte[] Read(ref PduReader reader)
    {
        int length = reader.ReadByte();
        if (!reader.Ok)
        {
            return [];
        }

        if (length > FieldLimits.ShortMessage || length > reader.Remaining)
        {
            reader.Fail(CommandStatus.InvalidMessageLength);
            return [];
        }

        return reader.ReadBytes(length);
    }
}
