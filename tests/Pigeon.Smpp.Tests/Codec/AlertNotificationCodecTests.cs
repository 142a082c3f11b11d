using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>alert_notification (section 4.12).</summary>
public sealed class AlertNotificationCodecTests
{
    // Section 4.12.1, with ms_availability_status (5.3.2.30).
    private static readonly byte[] AlertNotificationVector =
    [
        0x00, 0x00, 0x00, 0x32,                         // command_length 50
        0x00, 0x00, 0x01, 0x02,                         // command_id alert_notification
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x19,                         // sequence_number 25
        0x01,                                           // source_addr_ton international
        0x01,                                           // source_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       // source_addr "447700900123" (the mobile)
        0x00,                                           // esme_addr_ton unknown
        0x00,                                           // esme_addr_npi unknown
        0x70, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x2D,
        0x65, 0x73, 0x6D, 0x65, 0x00,                   // esme_addr "pigeon-esme"
        0x04, 0x22, 0x00, 0x01, 0x00,                   // ms_availability_status: tag 0x0422, length 1, available
    ];

    [Fact]
    public void Encode_alert_notification_matches_the_specification_layout()
    {
        var pdu = new AlertNotification
        {
            SequenceNumber = 25,
            Source = SmppAddress.International("447700900123"),
            EsmeAddress = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, "pigeon-esme"),
            MsAvailabilityStatus = 0,
        };

        Assert.Equal(AlertNotificationVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_alert_notification_reads_every_field()
    {
        var pdu = PduAssert.Decodes<AlertNotification>(AlertNotificationVector);

        Assert.Equal(25u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Source);
        Assert.Equal(new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, "pigeon-esme"), pdu.EsmeAddress);
        Assert.Equal((byte)0, pdu.MsAvailabilityStatus);
    }

    [Fact]
    public void Decode_alert_notification_accepts_a_64_character_address()
    {
        var address = new string('7', 64);
        var frame = new FrameBuilder().Address(address).Address("esme").Frame(CommandId.AlertNotification);

        var pdu = PduAssert.Decodes<AlertNotification>(frame);

        Assert.Equal(address, pdu.Source.Value);
    }

    [Fact]
    public void Alert_notification_has_no_response_of_its_own()
    {
        Assert.True(CommandId.AlertNotification.ExpectsNoResponse());
        Assert.IsType<GenericNack>(new AlertNotification().CreateResponse());
    }
}
