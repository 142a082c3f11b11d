using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

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
public abstract class ShortMessageRequest : MessageRequest
{
    /// <summary>Largest short_message the sm_length octet allows (section 4.4.1).</summary>
    public const int MaxShortMessageLength = FieldLimits.ShortMessage;

    private ReadOnlyMemory<byte> _shortMessage;

    /// <summary>dest_addr_ton, dest_addr_npi and destination_addr.</summary>
    public SmppAddress Destination { get; set; } = SmppAddress.Empty;

    /// <summary>protocol_id (GSM TP-PID).</summary>
    public byte ProtocolId { get; set; }

    /// <summary>priority_flag, 0 (lowest) to 3.</summary>
    public byte PriorityFlag { get; set; }

    /// <summary>schedule_delivery_time in the 16-character SMPP time format, or empty for immediate.</summary>
    public string ScheduleDeliveryTime { get; set; } = string.Empty;

    /// <summary>validity_period in the 16-character SMPP time format, or empty for the SMSC default.</summary>
    public string ValidityPeriod { get; set; } = string.Empty;

    /// <summary>replace_if_present_flag.</summary>
    public byte ReplaceIfPresentFlag { get; set; }

    /// <summary>sm_default_msg_id.</summary>
    public byte SmDefaultMessageId { get; set; }

    /// <summary>short_message, at most 254 octets; long content goes in the message_payload TLV instead.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is longer than 254 octets.</exception>
    public ReadOnlyMemory<byte> ShortMessage
    {
        get => _shortMessage;
        set => _shortMessage = ShortMessageField.Validate(value, nameof(value));
    }

    /// <summary>The content octets, from short_message or, when that is empty, from message_payload.</summary>
    public override ReadOnlyMemory<byte> Content => ShortMessage.Length > 0 ? ShortMessage : base.Content;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(ServiceType)
        + SmppAddressField.Size(Source)
        + SmppAddressField.Size(Destination)
        + 3                                         // esm_class, protocol_id, priority_flag
        + PduWriter.CStringSize(ScheduleDeliveryTime)
        + PduWriter.CStringSize(ValidityPeriod)
        + 4                                         // registered_delivery .. sm_default_msg_id
        + ShortMessageField.Size(ShortMessage);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        SmppAddressField.Write(ref writer, Source);
        SmppAddressField.Write(ref writer, Destination);
        writer.WriteByte((byte)EsmClass);
        writer.WriteByte(ProtocolId);
        writer.WriteByte(PriorityFlag);
        writer.WriteCString(ScheduleDeliveryTime);
        writer.WriteCString(ValidityPeriod);
        writer.WriteByte((byte)RegisteredDelivery);
        writer.WriteByte(ReplaceIfPresentFlag);
        writer.WriteByte(DataCoding);
        writer.WriteByte(SmDefaultMessageId);
        ShortMessageField.Write(ref writer, ShortMessage);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        ServiceType = reader.ReadCString(FieldLimits.ServiceType, CommandStatus.InvalidServiceType);
        Source = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidSourceAddress);
        Destination = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidDestinationAddress);
        EsmClass = (EsmClass)reader.ReadByte();
        ProtocolId = reader.ReadByte();
        PriorityFlag = reader.ReadByte();
        ScheduleDeliveryTime = reader.ReadFixedOrEmptyCString(FieldLimits.TimeCharacters, CommandStatus.InvalidScheduledDeliveryTime);
        ValidityPeriod = reader.ReadFixedOrEmptyCString(FieldLimits.TimeCharacters, CommandStatus.InvalidExpiryTime);
        RegisteredDelivery = (RegisteredDelivery)reader.ReadByte();
        ReplaceIfPresentFlag = reader.ReadByte();
        DataCoding = reader.ReadByte();
        SmDefaultMessageId = reader.ReadByte();
        ShortMessage = ShortMessageField.Read(ref reader);
    }
}
