using System.Text;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>submit_sm and submit_sm_resp (section 4.4).</summary>
public sealed class SubmitSmCodecTests
{
    // Section 4.4.1.
    private static readonly byte[] SubmitSmVector =
    [
        0x00, 0x00, 0x00, 0x48,                         // command_length 72
        0x00, 0x00, 0x00, 0x04,                         // command_id submit_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x0A,                         // sequence_number 10
        0x00,                                           // service_type "" (SMSC default)
        0x05,                                           // source_addr_ton alphanumeric
        0x00,                                           // source_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // source_addr "Pigeon"
        0x01,                                           // dest_addr_ton international
        0x01,                                           // dest_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       // destination_addr "447700900123"
        0x00,                                           // esm_class default
        0x00,                                           // protocol_id
        0x01,                                           // priority_flag 1
        0x00,                                           // schedule_delivery_time "" (immediate)
        0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x30, 0x30,
        0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x52,
        0x00,                                           // validity_period "000001000000000R" (one day, relative)
        0x01,                                           // registered_delivery: SMSC receipt on success or failure
        0x00,                                           // replace_if_present_flag
        0x00,                                           // data_coding SMSC default alphabet
        0x00,                                           // sm_default_msg_id
        0x05,                                           // sm_length 5
        0x48, 0x65, 0x6C, 0x6C, 0x6F,                   // short_message "Hello"
    ];

    // Section 4.4.2.
    private static readonly byte[] SubmitSmRespVector =
    [
        0x00, 0x00, 0x00, 0x19,                         // command_length 25
        0x80, 0x00, 0x00, 0x04,                         // command_id submit_sm_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x0A,                         // sequence_number 10
        0x6D, 0x73, 0x67, 0x2D, 0x30, 0x30, 0x30, 0x31,
        0x00,                                           // message_id "msg-0001"
    ];

    // Section 4.4.2: "The submit_sm_resp PDU Body is not returned if the command_status field contains a
    // non-zero value."
    private static readonly byte[] SubmitSmRespThrottledVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16: header only
        0x80, 0x00, 0x00, 0x04,                         // command_id submit_sm_resp
        0x00, 0x00, 0x00, 0x58,                         // command_status ESME_RTHROTTLED
        0x00, 0x00, 0x00, 0x0B,                         // sequence_number 11
    ];

    [Fact]
    public void Encode_submit_sm_matches_the_specification_layout()
    {
        var pdu = new SubmitSm
        {
            SequenceNumber = 10,
            Source = SmppAddress.Alphanumeric("Pigeon"),
            Destination = SmppAddress.International("447700900123"),
            PriorityFlag = 1,
            ValidityPeriod = "000001000000000R",
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            ShortMessage = "Hello"u8.ToArray(),
        };

        Assert.Equal(SubmitSmVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_submit_sm_reads_every_field()
    {
        var pdu = PduAssert.Decodes<SubmitSm>(SubmitSmVector);

        Assert.Equal(10u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.ServiceType);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Source);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Destination);
        Assert.Equal(EsmClass.Default, pdu.EsmClass);
        Assert.Equal(0, pdu.ProtocolId);
        Assert.Equal(1, pdu.PriorityFlag);
        Assert.Equal(string.Empty, pdu.ScheduleDeliveryTime);
        Assert.Equal("000001000000000R", pdu.ValidityPeriod);
        Assert.Equal(RegisteredDelivery.SmscReceiptOnSuccessOrFailure, pdu.RegisteredDelivery);
        Assert.Equal(0, pdu.ReplaceIfPresentFlag);
        Assert.Equal(0, pdu.DataCoding);
        Assert.Equal(0, pdu.SmDefaultMessageId);
        Assert.Equal("Hello", Encoding.ASCII.GetString(pdu.ShortMessage.Span));
        Assert.Equal("Hello", Encoding.ASCII.GetString(pdu.Content.Span));
        Assert.Null(pdu.MessagePayload);
        Assert.False(pdu.HasTlvs);
    }

    [Fact]
    public void Encode_submit_sm_resp_matches_the_specification_layout()
    {
        var response = (SubmitSmResp)new SubmitSm { SequenceNumber = 10 }.CreateResponse();
        response.MessageId = "msg-0001";

        Assert.Equal(SubmitSmRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_submit_sm_resp_reads_the_message_id()
    {
        var pdu = PduAssert.Decodes<SubmitSmResp>(SubmitSmRespVector);

        Assert.Equal(10u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("msg-0001", pdu.MessageId);
    }

    [Fact]
    public void Encode_failed_submit_sm_resp_is_a_bare_header()
    {
        var response = new SubmitSm { SequenceNumber = 11 }.CreateResponse(CommandStatus.Throttled);

        Assert.Equal(SubmitSmRespThrottledVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_failed_submit_sm_resp_accepts_a_bare_header()
    {
        var pdu = PduAssert.Decodes<SubmitSmResp>(SubmitSmRespThrottledVector);

        Assert.Equal(11u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Throttled, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
    }

    [Fact]
    public void Decode_failed_submit_sm_resp_accepts_an_empty_message_id_too()
    {
        // SMPP 3.3 peers send the NUL; section 4.4.2 drops it. Either must decode.
        var frame = new FrameBuilder().CString(string.Empty).Frame(CommandId.SubmitSmResp, 11, CommandStatus.Throttled);

        var pdu = PduAssert.Decodes<SubmitSmResp>(frame);

        Assert.Equal(CommandStatus.Throttled, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
    }

    [Fact]
    public void Short_message_of_254_octets_is_accepted()
    {
        var pdu = new SubmitSm { ShortMessage = new byte[254] };

        Assert.Equal(254, pdu.ShortMessage.Length);
    }

    [Fact]
    public void Short_message_longer_than_254_octets_is_refused()
    {
        var pdu = new SubmitSm();

        Assert.Throws<ArgumentOutOfRangeException>(() => pdu.ShortMessage = new byte[255]);
    }
}
