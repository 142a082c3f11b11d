using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>query_sm and query_sm_resp (section 4.8).</summary>
public sealed class QuerySmCodecTests
{
    // Section 4.8.1.
    private static readonly byte[] QuerySmVector =
    [
        0x00, 0x00, 0x00, 0x1C,                         // command_length 28
        0x00, 0x00, 0x00, 0x03,                         // command_id query_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x12,                         // sequence_number 18
        0x6D, 0x31, 0x00,                               // message_id "m1"
        0x05,                                           // source_addr_ton alphanumeric
        0x00,                                           // source_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // source_addr "Pigeon"
    ];

    // Section 4.8.2.
    private static readonly byte[] QuerySmRespVector =
    [
        0x00, 0x00, 0x00, 0x26,                         // command_length 38
        0x80, 0x00, 0x00, 0x03,                         // command_id query_sm_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x12,                         // sequence_number 18
        0x6D, 0x31, 0x00,                               // message_id "m1"
        0x32, 0x34, 0x30, 0x31, 0x33, 0x31, 0x31, 0x32,
        0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x2B,
        0x00,                                           // final_date "240131120000000+" (absolute, UTC)
        0x02,                                           // message_state DELIVERED
        0x00,                                           // error_code none
    ];

    [Fact]
    public void Encode_query_sm_matches_the_specification_layout()
    {
        var pdu = new QuerySm { SequenceNumber = 18, MessageId = "m1", Source = SmppAddress.Alphanumeric("Pigeon") };

        Assert.Equal(QuerySmVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_query_sm_reads_every_field()
    {
        var pdu = PduAssert.Decodes<QuerySm>(QuerySmVector);

        Assert.Equal(18u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("m1", pdu.MessageId);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Source);
    }

    [Fact]
    public void Encode_query_sm_resp_matches_the_specification_layout()
    {
        var response = (QuerySmResp)new QuerySm { SequenceNumber = 18 }.CreateResponse();
        response.MessageId = "m1";
        response.FinalDate = "240131120000000+";
        response.MessageState = MessageState.Delivered;

        Assert.Equal(QuerySmRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_query_sm_resp_reads_every_field()
    {
        var pdu = PduAssert.Decodes<QuerySmResp>(QuerySmRespVector);

        Assert.Equal(18u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("m1", pdu.MessageId);
        Assert.Equal("240131120000000+", pdu.FinalDate);
        Assert.Equal(MessageState.Delivered, pdu.MessageState);
        Assert.Equal(0, pdu.ErrorCode);
    }

    [Fact]
    public void Decode_failed_query_sm_resp_accepts_a_bare_header()
    {
        var frame = new FrameBuilder().Frame(CommandId.QuerySmResp, 18, CommandStatus.QueryFailed);

        var pdu = PduAssert.Decodes<QuerySmResp>(frame);

        Assert.Equal(CommandStatus.QueryFailed, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
        Assert.Equal(string.Empty, pdu.FinalDate);
    }
}
