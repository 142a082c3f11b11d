using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>The message type held in esm_class bits 5-2 (section 5.2.12), as deliver_sm and data_sm read it.</summary>
internal static class EsmClassMessageType
{
    private const byte Mask = 0x3C;

    /// <summary>True for message type 0001: an SMSC delivery receipt.</summary>
    public static bool IsDeliveryReceipt(EsmClass esmClass) => ((byte)esmClass & Mask) == (byte)EsmClass.DeliveryReceipt;
}
