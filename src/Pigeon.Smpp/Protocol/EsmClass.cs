namespace Pigeon.Smpp.Protocol;

/// <summary>
/// esm_class bits (section 5.2.12):
/// <code>
/// bits 1-0  messaging mode     00 default, 01 datagram, 10 forward (transaction), 11 store and forward
/// bits 5-2  message type       0000 normal, 0001 SMSC delivery receipt, 0010 SME delivery ack,
///                              0100 SME manual/user ack, 0110 conversation abort, 1000 intermediate notification
/// bits 7-6  GSM features       01 UDHI indicator, 10 reply path, 11 both
/// </code>
/// </summary>
[Flags]
public enum EsmClass : byte
{
    Default = 0x00,
    DatagramMode = 0x01,
    ForwardMode = 0x02,
    StoreAndForwardMode = 0x03,
    DeliveryReceipt = 0x04,
    DeliveryAcknowledgement = 0x08,
    ManualUserAcknowledgement = 0x10,
    ConversationAbort = 0x18,
    IntermediateDeliveryNotification = 0x20,
    UdhIndicator = 0x40,
    ReplyPath = 0x80,
}
