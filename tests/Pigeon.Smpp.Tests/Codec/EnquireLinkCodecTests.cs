using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

public sealed class EnquireLinkCodecTests
{
    // Section 4.11.1: header only, command_id 0x00000015.
    private static readonly byte[] EnquireLinkSeq7 =
    [
        0x00, 0x00, 0x00, 0x10, // command_length 16
        0x00, 0x00, 0x00, 0x15, // command_id enquire_link
        0x00, 0x00, 0x00, 0x00, // command_status
        0x00, 0x00, 0x00, 0x07, // sequence_number 7
    ];

    // Section 4.11.2: header only, command_id 0x80000015.
    private static readonly byte[] EnquireLinkRespSeq7 =
    [
        0x00, 0x00, 0x00, 0x10, // command_length 16
        0x80, 0x00, 0x00, 0x15, // command_id enquire_link_resp
        0x00, 0x00, 0x00, 0x00, // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x07, // sequence_number 7
    ];

    [Fact]
    public void Encode_enquire_link_is_a_bare_header()
    {
        var bytes = PduEncoder.ToArray(new EnquireLink { SequenceNumber = 7 });

        Assert.Equal(EnquireLinkSeq7, bytes);
    }

    [Fact]
    public void Decode_enquire_link_reads_the_sequence_number()
    {
        var result = PduDecoder.Decode(EnquireLinkSeq7);

        var pdu = Assert.IsType<EnquireLink>(result.Pdu);
        Assert.Equal(7u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, result.Error);
    }

    [Fact]
    public void Encode_enquire_link_resp_echoes_the_request_sequence_number()
    {
        var response = new EnquireLink { SequenceNumber = 7 }.CreateResponse();

        Assert.Equal(EnquireLinkRespSeq7, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_enquire_link_resp_reads_the_header()
    {
        var pdu = PduAssert.Decodes<EnquireLinkResp>(EnquireLinkRespSeq7);

        Assert.Equal(7u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
    }
}
