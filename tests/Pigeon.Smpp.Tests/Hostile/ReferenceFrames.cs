using System.Text;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>
/// Reference bind_transmitter and submit_sm frames laid out field by field (sections 4.1.1 and 4.4.1), each field
/// replaceable so a test can corrupt exactly one and leave the rest as the specification wants them.
/// </summary>
internal static class ReferenceFrames
{
    public static readonly byte[] Hello = "Hello"u8.ToArray();

    /// <summary>A C-octet string: the characters and their terminating NUL.</summary>
    public static byte[] CString(string value) => Encoding.Latin1.GetBytes(value + "\0");

    /// <summary>Octets with no NUL anywhere: a C-octet string that never ends.</summary>
    public static byte[] Unterminated(int length) => Enumerable.Repeat((byte)'A', length).ToArray();

    public static byte[] BindTransmitter(
        byte[]? systemId = null,
        byte[]? password = null,
        byte[]? systemType = null,
        byte[]? addressRange = null) =>
        new WireFrame(CommandId.BindTransmitter, 1)
            .Octets(systemId ?? CString("SMPP3TEST"))  // system_id      C <=16
            .Octets(password ?? CString("secret08"))   // password       C <=9
            .Octets(systemType ?? CString("SUBMIT1"))  // system_type    C <=13
            .Octets(0x34, 0x01, 0x01)                  // interface_version 3.4, addr_ton 1, addr_npi 1
            .Octets(addressRange ?? CString(""))       // address_range  C <=41
            .ToArray();

    public static byte[] SubmitSm(
        byte[]? serviceType = null,
        byte[]? sourceAddress = null,
        byte[]? destinationAddress = null,
        byte[]? scheduleDeliveryTime = null,
        byte[]? validityPeriod = null,
        byte? smLength = null,
        byte[]? shortMessage = null,
        byte[]? tlvs = null)
    {
        var text = shortMessage ?? Hello;
        return new WireFrame(CommandId.SubmitSm, 42)
            .Octets(serviceType ?? CString(""))                    // service_type       C <=6
            .Octets(0x05, 0x00)                                    // source ton 5 alphanumeric, npi 0
            .Octets(sourceAddress ?? CString("Pigeon"))            // source_addr        C <=21
            .Octets(0x01, 0x01)                                    // dest ton 1 international, npi 1 ISDN
            .Octets(destinationAddress ?? CString("447700900123")) // destination_addr   C <=21
            .Octets(0x00, 0x00, 0x00)                              // esm_class, protocol_id, priority_flag
            .Octets(scheduleDeliveryTime ?? CString(""))           // schedule_delivery_time C 1|17
            .Octets(validityPeriod ?? CString(""))                 // validity_period    C 1|17
            .Octets(0x01, 0x00, 0x00, 0x00)                        // registered_delivery 1, replace, data_coding, sm_default_msg_id
            .Octets(smLength ?? (byte)text.Length)                 // sm_length
            .Octets(text)                                          // short_message
            .Octets(tlvs ?? [])
            .ToArray();
    }

    /// <summary>bind_transceiver_resp (section 4.1.6): system_id "SMSC", then whatever optional part a test supplies.</summary>
    public static byte[] BindTransceiverResp(params ReadOnlySpan<byte> optionalPart) =>
        new WireFrame(CommandId.BindTransceiverResp, 3)
            .Octets(CString("SMSC"))
            .Octets(optionalPart)
            .ToArray();
}
