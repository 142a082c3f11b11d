using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// What the four message-carrying requests share: submit_sm (4.4.1), submit_multi (4.5.1), deliver_sm (4.6.1)
/// and data_sm (4.7.1). Each lays out its own body, and this class fixes no wire order; it holds the mandatory
/// fields all four carry and typed access to the optional parameters (section 5.3.2) that describe content,
/// concatenation and application ports.
/// </summary>
public abstract class MessageRequest : RequestPdu
{
    /// <summary>service_type, e.g. "" for the SMSC default.</summary>
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>source_addr_ton, source_addr_npi and source_addr.</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <summary>esm_class: messaging mode, message type (e.g. delivery receipt) and UDHI flags.</summary>
    public EsmClass EsmClass { get; set; }

    /// <summary>registered_delivery: which receipts and acknowledgements are wanted.</summary>
    public RegisteredDelivery RegisteredDelivery { get; set; }

    /// <summary>data_coding: the alphabet of the content (0 default, 3 Latin-1, 8 UCS-2, ...).</summary>
    public byte DataCoding { get; set; }

    /// <summary>message_payload TLV: up to 64K octets of content; null when absent.</summary>
    public ReadOnlyMemory<byte>? MessagePayload
    {
        get => OctetStringTlv.Get(TlvsOrNull, TlvTag.MessagePayload);
        set => Tlvs.SetBytes(TlvTag.MessagePayload, value);
    }

    /// <summary>sar_msg_ref_num TLV: reference shared by the parts of one concatenated message.</summary>
    public ushort? SarMessageReference
    {
        get => TlvsOrNull?.GetUInt16(TlvTag.SarMsgRefNum);
        set => Tlvs.SetUInt16(TlvTag.SarMsgRefNum, value);
    }

    /// <summary>sar_total_segments TLV.</summary>
    public byte? SarTotalSegments
    {
        get => TlvsOrNull?.GetByte(TlvTag.SarTotalSegments);
        set => Tlvs.SetByte(TlvTag.SarTotalSegments, value);
    }

    /// <summary>sar_segment_seqnum TLV, 1-based.</summary>
    public byte? SarSegmentSequenceNumber
    {
        get => TlvsOrNull?.GetByte(TlvTag.SarSegmentSeqnum);
        set => Tlvs.SetByte(TlvTag.SarSegmentSeqnum, value);
    }

    /// <summary>user_message_reference TLV.</summary>
    public ushort? UserMessageReference
    {
        get => TlvsOrNull?.GetUInt16(TlvTag.UserMessageReference);
        set => Tlvs.SetUInt16(TlvTag.UserMessageReference, value);
    }

    /// <summary>source_port TLV.</summary>
    public ushort? SourcePort
    {
        get => TlvsOrNull?.GetUInt16(TlvTag.SourcePort);
        set => Tlvs.SetUInt16(TlvTag.SourcePort, value);
    }

    /// <summary>destination_port TLV.</summary>
    public ushort? DestinationPort
    {
        get => TlvsOrNull?.GetUInt16(TlvTag.DestinationPort);
        set => Tlvs.SetUInt16(TlvTag.DestinationPort, value);
    }

    /// <summary>payload_type TLV.</summary>
    public byte? PayloadType
    {
        get => TlvsOrNull?.GetByte(TlvTag.PayloadType);
        set => Tlvs.SetByte(TlvTag.PayloadType, value);
    }

    /// <summary>more_messages_to_send TLV.</summary>
    public byte? MoreMessagesToSend
    {
        get => TlvsOrNull?.GetByte(TlvTag.MoreMessagesToSend);
        set => Tlvs.SetByte(TlvTag.MoreMessagesToSend, value);
    }

    /// <summary>The content octets: message_payload here; PDUs with a short_message field prefer that.</summary>
    public virtual ReadOnlyMemory<byte> Content => MessagePayload ?? ReadOnlyMemory<byte>.Empty;
}
