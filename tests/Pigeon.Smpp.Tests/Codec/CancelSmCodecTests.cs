using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>cancel_sm and cancel_sm_resp (section 4.9).</summary>
public sealed class CancelSmCodecTests
{
    // Section 4.9.1.
    private static readonly byte[] CancelSmVector =
    [
        0x00, 0x00, 0x00, 0x2C,                         // command_length 44
        0x00, 0x00, 0x00, 0x08,                         // command_id cancel_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x14,                         // sequence_number 20
        0x00,                                           // service_type ""
        0x6D, 0x31, 0x00,                               // message_id "m1"
        0x05,                                           // source_addr_ton alphanumeric
        0x00,                                           // source_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // source_addr "Pigeon"
        0x01,                                           // dest_addr_ton international
        0x01,                                           // dest_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       // destination_addr "447700900123"
    ];

    // Section 4.9.2: header only.
    private static readonly byte[] CancelSmRespVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16
        0x80, 0x00, 0x00, 0x08,                         // command_id cancel_sm_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x14,                         // sequence_number 20
    ];

    [Fact]
    public void Encode_cancel_sm_matches_the_specification_layout()
    {
        var pdu = new CancelSm
        {
            SequenceNumber = 20,
            MessageId = "m1",
            Source = SmppAddress.Alphanumeric("Pigeon"),
            Destination = SmppAddress.International("447700900123"),
        };

        Assert.Equal(CancelSmVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_cancel_sm_reads_every_field()
    {
        var pdu = PduAssert.Decodes<CancelSm>(CancelSmVector);

        Assert.Equal(20u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.ServiceType);
        Assert.Equal("m1", pdu.MessageId);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Source);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Destination);
    }

    [Fact]
    public void Encode_cancel_sm_resp_is_a_bare_header()
    {
        var response = new CancelSm { SequenceNumber = 20 }.CreateResponse();

        Assert.IsType<CancelSmResp>(response);
        Assert.Equal(CancelSmRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_cancel_sm_resp_reads_the_header()
    {
        var pdu = PduAssert.Decodes<CancelSmResp>(CancelSmRespVector);

        Assert.Equal(20u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
    }
}
