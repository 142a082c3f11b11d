using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The three-field address group every addressed PDU repeats: *_addr_ton (1), *_addr_npi (1), *_addr (C-octet).
/// Only the string's maximum and the error it earns differ between PDUs, so callers pass both.
/// </summary>
internal static class SmppAddressField
{
    public static int Size(SmppAddress address) => 2 + PduWriter.CStringSize(address.Value);

    public static void Write(ref PduWriter writer, SmppAddress address)
    {
        writer.WriteByte((byte)address.Ton);
        writer.WriteByte((byte)address.Npi);
        writer.WriteCString(address.Value);
    }

    public static SmppAddress Read(ref PduReader reader, int maxSize, CommandStatus error)
    {
        var ton = (TypeOfNumber)reader.ReadByte();
        var npi = (NumberingPlan)reader.ReadByte();
        return new SmppAddress(ton, npi, reader.ReadCString(maxSize, error));
    }
}
