using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>data_sm and data_sm_resp (section 4.7).</summary>
public sealed class DataSmCodecTests
{
    // Section 4.7.1: a WAP push to a 21-character address (data_sm allows 64), content in message_payload.
    private static readonly byte[] DataSmVector =
    [
        0x00, 0x00, 0x00, 0x51,                         // command_length 81
        0x00, 0x00, 0x01, 0x03,                         // command_id data_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x10,                         // sequence_number 16
        0x57, 0x41, 0x50, 0x00,                         // service_type "WAP"
        0x01,                                           // source_addr_ton international
        0x01,                                           // source_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       // source_addr "447700900123"
        0x00,                                           // dest_addr_ton unknown
        0x0E,                                           // dest_addr_npi Internet
        0x64, 0x65, 0x76, 0x69, 0x63, 0x65, 0x2D, 0x34, 0x32, 0x2E, 0x65,
        0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x2E, 0x6E, 0x65, 0x74, 0x00, // destination_addr "device-42.example.net"
        0x00,                                           // esm_class
        0x01,                                           // registered_delivery: SMSC receipt
        0x04,                                           // data_coding 8-bit binary
        0x02, 0x0A, 0x00, 0x02, 0x0B, 0x84,             // source_port: tag 0x020A, length 2, 2948
        0x02, 0x0B, 0x00, 0x02, 0x0B, 0x84,             // destination_port: tag 0x020B, length 2, 2948 (WAP push)
        0x04, 0x24, 0x00, 0x03, 0x01, 0x02, 0x03,       // message_payload: tag 0x0424, length 3
    ];

    // Section 4.7.2: a failed delivery explained by the optional parameters, so the body stays.
    private static readonly byte[] DataSmRespFailedVector =
    [
        0x00, 0x00, 0x00, 0x2D,                         // command_length 45
        0x80, 0x00, 0x01, 0x03,                         // command_id data_sm_resp
        0x00, 0x00, 0x00, 0xFE,                         // command_status ESME_RDELIVERYFAILURE
        0x00, 0x00, 0x00, 0x10,                         // sequence_number 16
        0x64, 0x31, 0x00,                               // message_id "d1"
        0x04, 0x25, 0x00, 0x01, 0x01,                   // delivery_failure_reason: tag 0x0425, length 1, invalid address
        0x00, 0x1D, 0x00, 0x05, 0x62, 0x75, 0x73, 0x79,
        0x00,                                           // additional_status_info_text: tag 0x001D, length 5, "busy"
        0x04, 0x20, 0x00, 0x01, 0x00,                   // dpf_result: tag 0x0420, length 1, DPF not set
        0x04, 0x23, 0x00, 0x03, 0x03, 0x00, 0x0B,       // network_error_code: tag 0x0423, length 3, GSM, error 11
    ];

    [Fact]
    public void Encode_data_sm_matches_the_specification_layout()
    {
        var pdu = new DataSm
        {
            SequenceNumber = 16,
            ServiceType = "WAP",
            Source = SmppAddress.International("447700900123"),
            Destination = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Internet, "device-42.example.net"),
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            DataCoding = 0x04,
            SourcePort = 2948,
            DestinationPort = 2948,
            MessagePayload = new byte[] { 1, 2, 3 },
        };

        Assert.Equal(DataSmVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_data_sm_reads_every_field()
    {
        var pdu = PduAssert.Decodes<DataSm>(DataSmVector);

        Assert.Equal(16u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("WAP", pdu.ServiceType);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Source);
        Assert.Equal(new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Internet, "device-42.example.net"), pdu.Destination);
        Assert.Equal(EsmClass.Default, pdu.EsmClass);
        Assert.False(pdu.IsDeliveryReceipt);
        Assert.Equal(RegisteredDelivery.SmscReceiptOnSuccessOrFailure, pdu.RegisteredDelivery);
        Assert.Equal(0x04, pdu.DataCoding);
        Assert.Equal((ushort)2948, pdu.SourcePort);
        Assert.Equal((ushort)2948, pdu.DestinationPort);
        Assert.Equal(new byte[] { 1, 2, 3 }, pdu.MessagePayload?.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3 }, pdu.Content.ToArray());
        Assert.Null(pdu.SarMessageReference);
        Assert.Null(pdu.ReceiptedMessageId);
        Assert.Null(pdu.MessageState);
    }

    [Fact]
    public void Data_sm_carries_receipt_and_segmentation_tlvs_like_deliver_sm()
    {
        var pdu = new DataSm
        {
            SequenceNumber = 17,
            EsmClass = EsmClass.DeliveryReceipt,
            ReceiptedMessageId = "abc123",
            MessageState = MessageState.Undeliverable,
            NetworkErrorCode = new byte[] { 0x03, 0x00, 0x1B },
            SarMessageReference = 0x0102,
            SarTotalSegments = 3,
            SarSegmentSequenceNumber = 2,
            UserMessageReference = 77,
            PayloadType = 0,
            MoreMessagesToSend = 1,
        };

        var decoded = PduAssert.Decodes<DataSm>(PduEncoder.ToArray(pdu));

        Assert.True(decoded.IsDeliveryReceipt);
        Assert.Equal("abc123", decoded.ReceiptedMessageId);
        Assert.Equal(MessageState.Undeliverable, decoded.MessageState);
        Assert.Equal(new byte[] { 0x03, 0x00, 0x1B }, decoded.NetworkErrorCode?.ToArray());
        Assert.Equal((ushort)0x0102, decoded.SarMessageReference);
        Assert.Equal((byte)3, decoded.SarTotalSegments);
        Assert.Equal((byte)2, decoded.SarSegmentSequenceNumber);
        Assert.Equal((ushort)77, decoded.UserMessageReference);
        Assert.Equal((byte)0, decoded.PayloadType);
        Assert.Equal((byte)1, decoded.MoreMessagesToSend);
    }

    [Fact]
    public void Encode_failed_data_sm_resp_keeps_message_id_and_tlvs()
    {
        var response = (DataSmResp)new DataSm { SequenceNumber = 16 }.CreateResponse(CommandStatus.DeliveryFailure);
        response.MessageId = "d1";
        response.DeliveryFailureReason = 1;
        response.AdditionalStatusInfoText = "busy";
        response.DpfResult = 0;
        response.NetworkErrorCode = new byte[] { 0x03, 0x00, 0x0B };

        Assert.Equal(DataSmRespFailedVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_failed_data_sm_resp_reads_every_field()
    {
        var pdu = PduAssert.Decodes<DataSmResp>(DataSmRespFailedVector);

        Assert.Equal(16u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.DeliveryFailure, pdu.CommandStatus);
        Assert.Equal("d1", pdu.MessageId);
        Assert.Equal((byte)1, pdu.DeliveryFailureReason);
        Assert.Equal("busy", pdu.AdditionalStatusInfoText);
        Assert.Equal((byte)0, pdu.DpfResult);
        Assert.Equal(new byte[] { 0x03, 0x00, 0x0B }, pdu.NetworkErrorCode?.ToArray());
        Assert.Equal(
            [TlvTag.DeliveryFailureReason, TlvTag.AdditionalStatusInfoText, TlvTag.DpfResult, TlvTag.NetworkErrorCode],
            pdu.Tlvs.Items.Select(t => t.Tag));
    }

    [Fact]
    public void Decode_failed_data_sm_resp_accepts_a_bare_header()
    {
        var frame = new FrameBuilder().Frame(CommandId.DataSmResp, 16, CommandStatus.DeliveryFailure);

        var pdu = PduAssert.Decodes<DataSmResp>(frame);

        Assert.Equal(CommandStatus.DeliveryFailure, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
        Assert.Null(pdu.DeliveryFailureReason);
    }
}
