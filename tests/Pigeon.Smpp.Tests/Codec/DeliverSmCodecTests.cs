using System.Text;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>deliver_sm and deliver_sm_resp (section 4.6), with a delivery receipt as the SMSC sends one.</summary>
public sealed class DeliverSmCodecTests
{
    // Section 4.6.1: an SMSC delivery receipt (esm_class 0x04, appendix B text) with the receipted_message_id
    // (5.3.2.12) and message_state (5.3.2.35) TLVs.
    private static readonly byte[] DeliveryReceiptVector =
    [
        0x00, 0x00, 0x00, 0x51,                         // command_length 81
        0x00, 0x00, 0x00, 0x05,                         // command_id deliver_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x0E,                         // sequence_number 14
        0x00,                                           // service_type ""
        0x01,                                           // source_addr_ton international
        0x01,                                           // source_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       // source_addr "447700900123" (the handset)
        0x05,                                           // dest_addr_ton alphanumeric
        0x00,                                           // dest_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // destination_addr "Pigeon" (the original sender)
        0x04,                                           // esm_class: SMSC delivery receipt
        0x00,                                           // protocol_id
        0x00,                                           // priority_flag
        0x00,                                           // schedule_delivery_time "" (must be NULL)
        0x00,                                           // validity_period "" (must be NULL)
        0x00,                                           // registered_delivery
        0x00,                                           // replace_if_present_flag (must be NULL)
        0x00,                                           // data_coding
        0x00,                                           // sm_default_msg_id (must be NULL)
        0x12,                                           // sm_length 18
        0x69, 0x64, 0x3A, 0x6D, 0x31, 0x20, 0x73, 0x74, 0x61,
        0x74, 0x3A, 0x44, 0x45, 0x4C, 0x49, 0x56, 0x52, 0x44, // short_message "id:m1 stat:DELIVRD"
        0x00, 0x1E, 0x00, 0x03, 0x6D, 0x31, 0x00,       // receipted_message_id: tag 0x001E, length 3, "m1"
        0x04, 0x27, 0x00, 0x01, 0x02,                   // message_state: tag 0x0427, length 1, DELIVERED
    ];

    // Section 4.6.2: message_id is unused and NULL.
    private static readonly byte[] DeliverSmRespVector =
    [
        0x00, 0x00, 0x00, 0x11,                         // command_length 17
        0x80, 0x00, 0x00, 0x05,                         // command_id deliver_sm_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x0E,                         // sequence_number 14
        0x00,                                           // message_id NULL
    ];

    // Section 4.6.2 keeps the body on error (unlike 4.4.2 for submit_sm_resp).
    private static readonly byte[] DeliverSmRespRejectedVector =
    [
        0x00, 0x00, 0x00, 0x11,                         // command_length 17
        0x80, 0x00, 0x00, 0x05,                         // command_id deliver_sm_resp
        0x00, 0x00, 0x00, 0x64,                         // command_status ESME_RX_T_APPN
        0x00, 0x00, 0x00, 0x0F,                         // sequence_number 15
        0x00,                                           // message_id NULL
    ];

    [Fact]
    public void Encode_delivery_receipt_matches_the_specification_layout()
    {
        var pdu = new DeliverSm
        {
            SequenceNumber = 14,
            Source = SmppAddress.International("447700900123"),
            Destination = SmppAddress.Alphanumeric("Pigeon"),
            EsmClass = EsmClass.DeliveryReceipt,
            ShortMessage = "id:m1 stat:DELIVRD"u8.ToArray(),
            ReceiptedMessageId = "m1",
            MessageState = MessageState.Delivered,
        };

        Assert.Equal(DeliveryReceiptVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_delivery_receipt_reads_every_field_and_both_tlvs()
    {
        var pdu = PduAssert.Decodes<DeliverSm>(DeliveryReceiptVector);

        Assert.Equal(14u, pdu.SequenceNumber);
        Assert.Equal(string.Empty, pdu.ServiceType);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Source);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Destination);
        Assert.Equal(EsmClass.DeliveryReceipt, pdu.EsmClass);
        Assert.True(pdu.IsDeliveryReceipt);
        Assert.Equal(0, pdu.ProtocolId);
        Assert.Equal(0, pdu.PriorityFlag);
        Assert.Equal(string.Empty, pdu.ScheduleDeliveryTime);
        Assert.Equal(string.Empty, pdu.ValidityPeriod);
        Assert.Equal(RegisteredDelivery.None, pdu.RegisteredDelivery);
        Assert.Equal(0, pdu.ReplaceIfPresentFlag);
        Assert.Equal(0, pdu.DataCoding);
        Assert.Equal(0, pdu.SmDefaultMessageId);
        Assert.Equal("id:m1 stat:DELIVRD", Encoding.ASCII.GetString(pdu.ShortMessage.Span));
        Assert.Equal("m1", pdu.ReceiptedMessageId);
        Assert.Equal(MessageState.Delivered, pdu.MessageState);
        Assert.Null(pdu.NetworkErrorCode);
        Assert.Equal([TlvTag.ReceiptedMessageId, TlvTag.MessageState], pdu.Tlvs.Items.Select(t => t.Tag));
    }

    [Fact]
    public void Encode_deliver_sm_resp_carries_a_null_message_id()
    {
        var response = new DeliverSm { SequenceNumber = 14 }.CreateResponse();

        Assert.Equal(DeliverSmRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_deliver_sm_resp_reads_the_null_message_id()
    {
        var pdu = PduAssert.Decodes<DeliverSmResp>(DeliverSmRespVector);

        Assert.Equal(14u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
    }

    [Fact]
    public void Encode_rejected_deliver_sm_resp_keeps_its_body()
    {
        var response = new DeliverSm { SequenceNumber = 15 }.CreateResponse(CommandStatus.ReceiverTemporaryAppError);

        Assert.Equal(DeliverSmRespRejectedVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_rejected_deliver_sm_resp_reads_the_status()
    {
        var pdu = PduAssert.Decodes<DeliverSmResp>(DeliverSmRespRejectedVector);

        Assert.Equal(15u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.ReceiverTemporaryAppError, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
    }

    [Fact]
    public void Decode_rejected_deliver_sm_resp_accepts_a_bare_header()
    {
        var frame = DeliverSmRespRejectedVector[..16];
        frame[3] = 0x10; // command_length 16

        var pdu = PduAssert.Decodes<DeliverSmResp>(frame);

        Assert.Equal(CommandStatus.ReceiverTemporaryAppError, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
    }
}
