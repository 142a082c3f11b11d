using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>The bind operation (section 4.1): the three binds, their responses and outbind.</summary>
public sealed class BindCodecTests
{
    // Section 4.1.1.
    private static readonly byte[] BindTransmitterVector =
    [
        0x00, 0x00, 0x00, 0x23,                         // command_length 35
        0x00, 0x00, 0x00, 0x02,                         // command_id bind_transmitter
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x01,                         // sequence_number 1
        0x70, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // system_id "pigeon"
        0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x00,       // password "secret"
        0x00,                                           // system_type ""
        0x34,                                           // interface_version 3.4
        0x01,                                           // addr_ton international
        0x01,                                           // addr_npi ISDN
        0x00,                                           // address_range ""
    ];

    // Section 4.1.2, with the sc_interface_version TLV of section 5.3.2.25.
    private static readonly byte[] BindTransmitterRespVector =
    [
        0x00, 0x00, 0x00, 0x1A,                         // command_length 26
        0x80, 0x00, 0x00, 0x02,                         // command_id bind_transmitter_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x01,                         // sequence_number 1
        0x53, 0x4D, 0x53, 0x43, 0x00,                   // system_id "SMSC"
        0x02, 0x10, 0x00, 0x01, 0x34,                   // sc_interface_version: tag 0x0210, length 1, 3.4
    ];

    // Section 4.1.3.
    private static readonly byte[] BindReceiverVector =
    [
        0x00, 0x00, 0x00, 0x23,                         // command_length 35
        0x00, 0x00, 0x00, 0x01,                         // command_id bind_receiver
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x02,                         // sequence_number 2
        0x72, 0x65, 0x63, 0x76, 0x00,                   // system_id "recv"
        0x70, 0x77, 0x00,                               // password "pw"
        0x56, 0x4D, 0x41, 0x00,                         // system_type "VMA"
        0x34,                                           // interface_version 3.4
        0x02,                                           // addr_ton national
        0x08,                                           // addr_npi national
        0x5E, 0x34, 0x34, 0x00,                         // address_range "^44"
    ];

    // Section 4.1.4: "not returned if the command_status field contains a non-zero value".
    private static readonly byte[] BindReceiverRespFailedVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16: header only
        0x80, 0x00, 0x00, 0x01,                         // command_id bind_receiver_resp
        0x00, 0x00, 0x00, 0x0D,                         // command_status ESME_RBINDFAIL
        0x00, 0x00, 0x00, 0x02,                         // sequence_number 2
    ];

    // Section 4.1.5.
    private static readonly byte[] BindTransceiverVector =
    [
        0x00, 0x00, 0x00, 0x1A,                         // command_length 26
        0x00, 0x00, 0x00, 0x09,                         // command_id bind_transceiver
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x03,                         // sequence_number 3
        0x74, 0x72, 0x78, 0x00,                         // system_id "trx"
        0x00,                                           // password ""
        0x00,                                           // system_type ""
        0x34,                                           // interface_version 3.4 (offset 22)
        0x00,                                           // addr_ton unknown
        0x00,                                           // addr_npi unknown
        0x00,                                           // address_range ""
    ];

    // Section 4.1.6.
    private static readonly byte[] BindTransceiverRespVector =
    [
        0x00, 0x00, 0x00, 0x15,                         // command_length 21
        0x80, 0x00, 0x00, 0x09,                         // command_id bind_transceiver_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x03,                         // sequence_number 3
        0x53, 0x4D, 0x53, 0x43, 0x00,                   // system_id "SMSC"
    ];

    // Section 4.1.7.
    private static readonly byte[] OutbindVector =
    [
        0x00, 0x00, 0x00, 0x18,                         // command_length 24
        0x00, 0x00, 0x00, 0x0B,                         // command_id outbind
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x04,                         // sequence_number 4
        0x53, 0x4D, 0x53, 0x43, 0x00,                   // system_id "SMSC"
        0x70, 0x77, 0x00,                               // password "pw"
    ];

    [Fact]
    public void Encode_bind_transmitter_matches_the_specification_layout()
    {
        var pdu = new BindTransmitter
        {
            SequenceNumber = 1,
            SystemId = "pigeon",
            Password = "secret",
            AddressTon = TypeOfNumber.International,
            AddressNpi = NumberingPlan.Isdn,
        };

        Assert.Equal(BindTransmitterVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_bind_transmitter_reads_every_field()
    {
        var pdu = PduAssert.Decodes<BindTransmitter>(BindTransmitterVector);

        Assert.Equal(1u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("pigeon", pdu.SystemId);
        Assert.Equal("secret", pdu.Password);
        Assert.Equal(string.Empty, pdu.SystemType);
        Assert.Equal(BindRequest.Version34, pdu.InterfaceVersion);
        Assert.Equal(TypeOfNumber.International, pdu.AddressTon);
        Assert.Equal(NumberingPlan.Isdn, pdu.AddressNpi);
        Assert.Equal(string.Empty, pdu.AddressRange);
        Assert.Equal(BindMode.Transmitter, pdu.Mode);
        Assert.False(pdu.HasTlvs);
    }

    [Fact]
    public void Encode_bind_transmitter_resp_matches_the_specification_layout()
    {
        var pdu = new BindTransmitterResp { SequenceNumber = 1, SystemId = "SMSC", ScInterfaceVersion = 0x34 };

        Assert.Equal(BindTransmitterRespVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_bind_transmitter_resp_reads_system_id_and_sc_interface_version()
    {
        var pdu = PduAssert.Decodes<BindTransmitterResp>(BindTransmitterRespVector);

        Assert.Equal(1u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("SMSC", pdu.SystemId);
        Assert.Equal((byte)0x34, pdu.ScInterfaceVersion);
    }

    [Fact]
    public void Encode_bind_receiver_matches_the_specification_layout()
    {
        var pdu = new BindReceiver
        {
            SequenceNumber = 2,
            SystemId = "recv",
            Password = "pw",
            SystemType = "VMA",
            AddressTon = TypeOfNumber.National,
            AddressNpi = NumberingPlan.National,
            AddressRange = "^44",
        };

        Assert.Equal(BindReceiverVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_bind_receiver_reads_every_field()
    {
        var pdu = PduAssert.Decodes<BindReceiver>(BindReceiverVector);

        Assert.Equal(2u, pdu.SequenceNumber);
        Assert.Equal("recv", pdu.SystemId);
        Assert.Equal("pw", pdu.Password);
        Assert.Equal("VMA", pdu.SystemType);
        Assert.Equal(BindRequest.Version34, pdu.InterfaceVersion);
        Assert.Equal(TypeOfNumber.National, pdu.AddressTon);
        Assert.Equal(NumberingPlan.National, pdu.AddressNpi);
        Assert.Equal("^44", pdu.AddressRange);
        Assert.Equal(BindMode.Receiver, pdu.Mode);
    }

    [Fact]
    public void Encode_failed_bind_receiver_resp_is_a_bare_header_even_with_a_system_id_set()
    {
        var pdu = new BindReceiverResp { SequenceNumber = 2, CommandStatus = CommandStatus.BindFailed, SystemId = "SMSC" };

        Assert.Equal(BindReceiverRespFailedVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_failed_bind_receiver_resp_accepts_a_bare_header()
    {
        var pdu = PduAssert.Decodes<BindReceiverResp>(BindReceiverRespFailedVector);

        Assert.Equal(2u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.BindFailed, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.SystemId);
        Assert.Null(pdu.ScInterfaceVersion);
    }

    [Fact]
    public void Decode_failed_bind_resp_accepts_a_body_too()
    {
        var frame = new FrameBuilder().CString("SMSC").Frame(CommandId.BindTransceiverResp, 3, CommandStatus.InvalidPassword);

        var pdu = PduAssert.Decodes<BindTransceiverResp>(frame);

        Assert.Equal(CommandStatus.InvalidPassword, pdu.CommandStatus);
        Assert.Equal("SMSC", pdu.SystemId);
    }

    [Fact]
    public void Encode_bind_transceiver_matches_the_specification_layout()
    {
        var pdu = new BindTransceiver { SequenceNumber = 3, SystemId = "trx" };

        Assert.Equal(BindTransceiverVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_bind_transceiver_reads_every_field()
    {
        var pdu = PduAssert.Decodes<BindTransceiver>(BindTransceiverVector);

        Assert.Equal(3u, pdu.SequenceNumber);
        Assert.Equal("trx", pdu.SystemId);
        Assert.Equal(string.Empty, pdu.Password);
        Assert.Equal(string.Empty, pdu.SystemType);
        Assert.Equal(BindRequest.Version34, pdu.InterfaceVersion);
        Assert.Equal(TypeOfNumber.Unknown, pdu.AddressTon);
        Assert.Equal(NumberingPlan.Unknown, pdu.AddressNpi);
        Assert.Equal(string.Empty, pdu.AddressRange);
        Assert.Equal(BindMode.Transceiver, pdu.Mode);
    }

    [Theory]
    [InlineData(0x33)] // an SMPP v3.3 ESME
    [InlineData(0x50)] // an SMPP v5.0 ESME
    public void Decode_bind_accepts_other_interface_versions(byte version)
    {
        var frame = (byte[])BindTransceiverVector.Clone();
        frame[22] = version;

        var pdu = PduAssert.Decodes<BindTransceiver>(frame);

        Assert.Equal(version, pdu.InterfaceVersion);
        Assert.Equal("trx", pdu.SystemId);
    }

    [Fact]
    public void Encode_bind_transceiver_resp_matches_the_specification_layout()
    {
        var pdu = new BindTransceiverResp { SequenceNumber = 3, SystemId = "SMSC" };

        Assert.Equal(BindTransceiverRespVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_bind_transceiver_resp_reads_the_system_id()
    {
        var pdu = PduAssert.Decodes<BindTransceiverResp>(BindTransceiverRespVector);

        Assert.Equal(3u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("SMSC", pdu.SystemId);
        Assert.Null(pdu.ScInterfaceVersion);
    }

    [Fact]
    public void Encode_outbind_matches_the_specification_layout()
    {
        var pdu = new Outbind { SequenceNumber = 4, SystemId = "SMSC", Password = "pw" };

        Assert.Equal(OutbindVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_outbind_reads_system_id_and_password()
    {
        var pdu = PduAssert.Decodes<Outbind>(OutbindVector);

        Assert.Equal(4u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("SMSC", pdu.SystemId);
        Assert.Equal("pw", pdu.Password);
    }

    [Fact]
    public void Outbind_has_no_response_of_its_own()
    {
        var response = new Outbind { SequenceNumber = 4 }.CreateResponse(CommandStatus.InvalidCommandId);

        Assert.IsType<GenericNack>(response);
        Assert.Equal(4u, response.SequenceNumber);
    }
}
