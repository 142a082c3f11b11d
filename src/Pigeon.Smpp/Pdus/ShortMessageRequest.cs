using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// The body submit_sm and deliver_sm share (sections 4.4.1 and 4.6.1), followed by optional parameters.
/// <code>
/// field                    size      notes
/// service_type             C ≤6
/// source_addr_ton          1
/// source_addr_npi          1
/// source_addr              C ≤21
/// dest_addr_ton            1
/// dest_addr_npi            1
/// destination_addr         C ≤21
/// esm_class                1
/// protocol_id              1
/// priority_flag            1
/// schedule_delivery_time   C 1|17    empty in deliver_sm
/// validity_period          C 1|17    empty in deliver_sm
/// registered_delivery      1
/// replace_if_present_flag  1         zero in deliver_sm
/// data_coding              1
/// sm_default_msg_id        1         zero in deliver_sm
/// sm_length                1         0..254
/// short_message            sm_length
/// </code>
/// </summary>
public abstract class ShortMessageRequest : RequestPdu
{
    /// <summary>Largest short_message the sm_length octet allows (section 4.4.1).</summary>
    public const int MaxShortMessageLength = 254;

    /// <summary>service_type, e.g. "" for the SMSC default.</summary>
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>source_addr_ton, source_addr_npi and source_addr.</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <summary>dest_addr_ton, dest_addr_npi and destination_addr.</summary>
    public SmppAddress Destination { get; set; } = SmppAddress.Empty;

    /// <summary>esm_class: messaging mode, message type (e.g. delivery receipt) and UDHI flags.</summary>
    public EsmClass EsmClass { get; set; }

    /// <summary>protocol_id (GSM TP-PID).</summary>
    public byte ProtocolId { get; set; }

    /// <summary>priority_flag, 0 (lowest) to 3.</summary>
    public byte PriorityFlag { get; set; }

    /// <summary>schedule_delivery_time in the 16-character SMPP time format, or empty for immediate.</summary>
    public string ScheduleDeliveryTime { get; set; } = string.Empty;

    /// <summary>validity_period in the 16-character SMPP time format, or empty for the SMSC default.</summary>
    public string ValidityPeriod { get; set; } = string.Empty;

    /// <summary>registered_delivery: which receipts and acknowledgements are wanted.</summary>
    public RegisteredDelivery RegisteredDelivery { get; set; }

    /// <summary>replace_if_present_flag.</summary>
    public byte ReplaceIfPresentFlag { get; set; }

    /// <summary>data_coding: the alphabet of short_message (0 default, 3 Latin-1, 8 UCS-2, ...).</summary>
    public byte DataCoding { get; set; }

    /// <summary>sm_default_msg_id.</summary>
    public byte SmDefaultMessageId { get; set; }

    /// <summary>short_message, at most 254 octets; long content goes in the message_payload TLV instead.</summary>
    public ReadOnlyMemory<byte> ShortMessage { get; set; }

    /// <summary>message_payload TLV: up to 64K octets of content in place of short_message.</summary>
    public ReadOnlyMemory<byte>? MessagePayload
    {
        get => Tlvs.TryGet(TlvTag.MessagePayload, out var v) ? v : null;
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

    /// <summary>The content octets, from short_message or, when that is empty, from message_payload.</summary>
    public ReadOnlyMemory<byte> Content => ShortMessage.Length > 0 ? ShortMessage : MessagePayload ?? ReadOnlyMemory<byte>.Empty;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(ServiceType)          // service_type
        + 2 + PduWriter.CStringSize(Source.Value)   // ton, npi, source_addr
        + 2 + PduWriter.CStringSize(Destination.Value)
        + 3                                         // esm_class, protocol_id, priority_flag
        + PduWriter.CStringSize(ScheduleDeliveryTime)
        + PduWriter.CStringSize(ValidityPeriod)
        + 5                                         // registered_delivery .. sm_length
        + ShortMessage.Length;

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        writer.WriteByte((byte)Source.Ton);
        writer.WriteByte((byte)Source.Npi);
        writer.WriteCString(Source.Value);
        writer.WriteByte((byte)Destination.Ton);
        writer.WriteByte((byte)Destination.Npi);
        writer.WriteCString(Destination.Value);
        writer.WriteByte((byte)EsmClass);
        writer.WriteByte(ProtocolId);
        writer.WriteByte(PriorityFlag);
        writer.WriteCString(ScheduleDeliveryTime);
        writer.WriteCString(ValidityPeriod);
        writer.WriteByte((byte)RegisteredDelivery);
        writer.WriteByte(ReplaceIfPresentFlag);
        writer.WriteByte(DataCoding);
        writer.WriteByte(SmDefaultMessageId);
        writer.WriteByte((byte)ShortMessage.Length);
        writer.WriteBytes(ShortMessage.Span);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        ServiceType = reader.ReadCString(6, CommandStatus.InvalidServiceType);
        var sourceTon = (TypeOfNumber)reader.ReadByte();
        var sourceNpi = (NumberingPlan)reader.ReadByte();
        Source = new SmppAddress(sourceTon, sourceNpi, reader.ReadCString(21, CommandStatus.InvalidSourceAddress));
        var destTon = (TypeOfNumber)reader.ReadByte();
        var destNpi = (NumberingPlan)reader.ReadByte();
        Destination = new SmppAddress(destTon, destNpi, reader.ReadCString(21, CommandStatus.InvalidDestinationAddress));
        EsmClass = (EsmClass)reader.ReadByte();
        ProtocolId = reader.ReadByte();
        PriorityFlag = reader.ReadByte();
        ScheduleDeliveryTime = reader.ReadFixedOrEmptyCString(16, CommandStatus.InvalidScheduledDeliveryTime);
        ValidityPeriod = reader.ReadFixedOrEmptyCString(16, CommandStatus.InvalidExpiryTime);
        RegisteredDelivery = (RegisteredDelivery)reader.ReadByte();
        ReplaceIfPresentFlag = reader.ReadByte();
        DataCoding = reader.ReadByte();
        SmDefaultMessageId = reader.ReadByte();
        int length = reader.ReadByte();
        if (length > MaxShortMessageLength)
        {
            reader.Fail(CommandStatus.InvalidMessageLength);
            return;
        }

        if (reader.Ok && length > reader.Remaining)
        {
            reader.Fail(CommandStatus.InvalidMessageLength);
            return;
        }

        ShortMessage = reader.ReadBytes(length);
    }
}
