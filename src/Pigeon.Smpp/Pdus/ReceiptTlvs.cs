using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The small pieces of receipt handling deliver_sm (4.6.1) and data_sm (4.7.1) both need; each PDU still
/// exposes its own typed properties, since the two share no base that submit PDUs would not also inherit.
/// </summary>
internal static class ReceiptTlvs
{
    /// <summary>esm_class bits 5-2 (section 5.2.12) hold the message type; 0001 is an SMSC delivery receipt.</summary>
    private const byte MessageTypeMask = 0x3C;

    public static bool IsDeliveryReceipt(EsmClass esmClass) =>
        ((byte)esmClass & MessageTypeMask) == (byte)EsmClass.DeliveryReceipt;

    public static ReadOnlyMemory<byte>? GetNetworkErrorCode(TlvCollection? tlvs) =>
        tlvs is not null && tlvs.TryGet(TlvTag.NetworkErrorCode, out var value) ? value : null;
}
