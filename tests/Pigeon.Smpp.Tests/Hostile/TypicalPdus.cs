using System.Text;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Hostile;

/// <summary>The PDUs a gateway sends and receives most: the same shapes the codec benchmarks measure.</summary>
internal static class TypicalPdus
{
    /// <summary>submit_sm: alphanumeric sender, international destination, 40 GSM characters, receipt requested.</summary>
    public static SubmitSm SubmitSm() => new()
    {
        SequenceNumber = 42,
        Source = SmppAddress.Alphanumeric("Pigeon"),
        Destination = SmppAddress.International("447700900123"),
        RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
        ShortMessage = Encoding.ASCII.GetBytes("Your code is 482913. It expires in 5 min"),
    };

    /// <summary>deliver_sm carrying an SMSC delivery receipt, with receipted_message_id and message_state.</summary>
    public static DeliverSm DeliveryReceipt() => new()
    {
        SequenceNumber = 7,
        Source = SmppAddress.International("447700900123"),
        Destination = SmppAddress.Alphanumeric("Pigeon"),
        EsmClass = EsmClass.DeliveryReceipt,
        ShortMessage = Encoding.ASCII.GetBytes(
            "id:0a1b2c3d sub:001 dlvrd:001 submit date:2401011200 done date:2401011201 stat:DELIVRD err:000 text:Your code is 48291"),
        ReceiptedMessageId = "0a1b2c3d",
        MessageState = MessageState.Delivered,
    };
}
