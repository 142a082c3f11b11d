using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Whether a customer is owed a delivery receipt, from the registered_delivery it sent (SMPP v3.4 section 5.2.17,
/// bits 1-0: 00 none, 01 on final success or failure, 10 on failure only, 11 reserved).
/// </summary>
public static class RegisteredDeliveryPolicy
{
    /// <summary>True when a message that became <paramref name="finalStatus"/> owes its sender a receipt.</summary>
    public static bool IsReceiptOwed(byte registeredDelivery, MessageStatus finalStatus) => (registeredDelivery & 0x03) switch
    {
        0x01 => finalStatus.IsFinal(),
        0x02 => finalStatus.IsFinal() && finalStatus != MessageStatus.Delivered,
        _ => false,
    };
}
