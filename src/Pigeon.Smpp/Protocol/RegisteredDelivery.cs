namespace Pigeon.Smpp.Protocol;

/// <summary>
/// registered_delivery bits (section 5.2.17):
/// <code>
/// bits 1-0  SMSC delivery receipt   00 none, 01 on success or failure, 10 on failure only
/// bits 3-2  SME acknowledgement     01 delivery ack, 10 manual/user ack, 11 both
/// bit  4    intermediate notification
/// </code>
/// </summary>
[Flags]
public enum RegisteredDelivery : byte
{
    None = 0x00,
    SmscReceiptOnSuccessOrFailure = 0x01,
    SmscReceiptOnFailure = 0x02,
    SmeDeliveryAcknowledgement = 0x04,
    SmeManualAcknowledgement = 0x08,
    IntermediateNotification = 0x10,
}
