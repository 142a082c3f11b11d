using System.Text;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>replace_sm and replace_sm_resp (section 4.10).</summary>
public sealed class ReplaceSmCodecTests
{
    // Section 4.10.1.
    private static readonly byte[] ReplaceSmVector =
    [
        0x00, 0x00, 0x00, 0x34,                         // command_length 52
        0x00, 0x00, 0x00, 0x07,                         // command_id replace_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x16,                         // sequence_number 22
        0x6D, 0x31, 0x00,                               // message_id "m1"
        0x05,                                           // source_addr_ton alphanumeric
        0x00,                                           // source_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // source_addr "Pigeon"
        0x00,                                           // schedule_delivery_time "" (keep)
        0x30, 0x30, 0x30, 0x30, 0x30, 0x32, 0x30, 0x30,
        0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x52,
        0x00,                                           // validity_period "000002000000000R" (two days, relative)
        0x01,                                           // registered_delivery: SMSC receipt
        0x00,                                           // sm_default_msg_id
        0x03,                                           // sm_length 3
        0x42, 0x79, 0x65,                               // short_message "Bye"
    ];

    // Section 4.10.2: header only.
    private static readonly byte[] ReplaceSmRespFailedVector =
    [
        0x00, 0x00, 0x00, 0x10,                         // command_length 16
        0x80, 0x00, 0x00, 0x07,                         // command_id replace_sm_resp
        0x00, 0x00, 0x00, 0x13,                         // command_status ESME_RREPLACEFAIL
        0x00, 0x00, 0x00, 0x16,                         // sequence_number 22
    ];

    [Fact]
    public void Encode_replace_sm_matches_the_specification_layout()
    {
        var pdu = new ReplaceSm
        {
            SequenceNumber = 22,
            MessageId = "m1",
            Source = SmppAddress.Alphanumeric("Pigeon"),
            ValidityPeriod = "000002000000000R",
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
            ShortMessage = "Bye"u8.ToArray(),
        };

        Assert.Equal(ReplaceSmVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_replace_sm_reads_every_field()
    {
        var pdu = PduAssert.Decodes<ReplaceSm>(ReplaceSmVector);

        Assert.Equal(22u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("m1", pdu.MessageId);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Source);
        Assert.Equal(string.Empty, pdu.ScheduleDeliveryTime);
        Assert.Equal("000002000000000R", pdu.ValidityPeriod);
        Assert.Equal(RegisteredDelivery.SmscReceiptOnSuccessOrFailure, pdu.RegisteredDelivery);
        Assert.Equal(0, pdu.SmDefaultMessageId);
        Assert.Equal("Bye", Encoding.ASCII.GetString(pdu.ShortMessage.Span));
    }

    [Fact]
    public void Encode_failed_replace_sm_resp_is_a_bare_header()
    {
        var response = new ReplaceSm { SequenceNumber = 22 }.CreateResponse(CommandStatus.ReplaceFailed);

        Assert.IsType<ReplaceSmResp>(response);
        Assert.Equal(ReplaceSmRespFailedVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_failed_replace_sm_resp_reads_the_status()
    {
        var pdu = PduAssert.Decodes<ReplaceSmResp>(ReplaceSmRespFailedVector);

        Assert.Equal(22u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.ReplaceFailed, pdu.CommandStatus);
    }

    [Fact]
    public void Replacement_short_message_longer_than_254_octets_is_refused()
    {
        var pdu = new ReplaceSm();

        Assert.Throws<ArgumentOutOfRangeException>(() => pdu.ShortMessage = new byte[255]);
    }
}
