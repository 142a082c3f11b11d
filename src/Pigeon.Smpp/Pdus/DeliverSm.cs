using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// deliver_sm (section 4.6.1): the SMSC delivers a mobile-originated message or, with esm_class message type
/// "SMSC delivery receipt", a receipt for an earlier submit. Same body as submit_sm (see
/// <see cref="ShortMessageRequest"/>); a receipt usually carries receipted_message_id and message_state TLVs.
/// </summary>
public sealed class DeliverSm : ShortMessageRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.DeliverSm;

    /// <summary>True when esm_class marks this deliver_sm as an SMSC delivery receipt.</summary>
    public bool IsDeliveryReceipt => EsmClassMessageType.IsDeliveryReceipt(EsmClass);

    /// <summary>receipted_message_id TLV: the SMSC message id this receipt is for.</summary>
    public string? ReceiptedMessageId
    {
        get => TlvsOrNull?.GetCString(TlvTag.ReceiptedMessageId);
        set => Tlvs.SetCString(TlvTag.ReceiptedMessageId, value);
    }

    /// <summary>message_state TLV: the final state the receipt reports.</summary>
    public MessageState? MessageState
    {
        get => (MessageState?)TlvsOrNull?.GetByte(TlvTag.MessageState);
        set => Tlvs.SetByte(TlvTag.MessageState, (byte?)value);
    }

    /// <summary>network_error_code TLV: network type (1 octet) and error code (2 octets).</summary>
    public ReadOnlyMemory<byte>? NetworkErrorCode
    {
        get => OctetStringTlv.Get(TlvsOrNull, TlvTag.NetworkErrorCode);
        set => Tlvs.SetBytes(TlvTag.NetworkErrorCode, value);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new DeliverSmResp();
}
