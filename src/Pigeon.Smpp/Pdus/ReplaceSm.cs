using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// replace_sm (section 4.10.1): the ESME replaces the content and timing of a message still pending.
/// <code>
/// field                   size
/// message_id              C ≤65
/// source_addr_ton         1
/// source_addr_npi         1
/// source_addr             C ≤21     must match the original submit
/// schedule_delivery_time  C 1|17    empty keeps the original
/// validity_period         C 1|17    empty keeps the original
/// registered_delivery     1
/// sm_default_msg_id       1
/// sm_length               1         0..254
/// short_message           sm_length
/// </code>
/// </summary>
public sealed class ReplaceSm : RequestPdu
{
    private ReadOnlyMemory<byte> _shortMessage;

    /// <inheritdoc />
    public override CommandId CommandId => CommandId.ReplaceSm;

    /// <summary>The SMSC's id of the message to replace.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>The source address of the original message.</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <summary>schedule_delivery_time in the 16-character SMPP time format, or empty.</summary>
    public string ScheduleDeliveryTime { get; set; } = string.Empty;

    /// <summary>validity_period in the 16-character SMPP time format, or empty.</summary>
    public string ValidityPeriod { get; set; } = string.Empty;

    /// <summary>registered_delivery for the replacement.</summary>
    public RegisteredDelivery RegisteredDelivery { get; set; }

    /// <summary>sm_default_msg_id.</summary>
    public byte SmDefaultMessageId { get; set; }

    /// <summary>The replacement short_message, at most 254 octets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is longer than 254 octets.</exception>
    public ReadOnlyMemory<byte> ShortMessage
    {
        get => _shortMessage;
        set => _shortMessage = ShortMessageField.Validate(value, nameof(value));
    }

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(MessageId)
        + SmppAddressField.Size(Source)
        + PduWriter.CStringSize(ScheduleDeliveryTime)
        + PduWriter.CStringSize(ValidityPeriod)
        + 2 // registered_delivery, sm_default_msg_id
        + ShortMessageField.Size(ShortMessage);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(MessageId);
        SmppAddressField.Write(ref writer, Source);
        writer.WriteCString(ScheduleDeliveryTime);
        writer.WriteCString(ValidityPeriod);
        writer.WriteByte((byte)RegisteredDelivery);
        writer.WriteByte(SmDefaultMessageId);
        ShortMessageField.Write(ref writer, ShortMessage);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
        Source = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidSourceAddress);
        ScheduleDeliveryTime = reader.ReadFixedOrEmptyCString(FieldLimits.TimeCharacters, CommandStatus.InvalidScheduledDeliveryTime);
        ValidityPeriod = reader.ReadFixedOrEmptyCString(FieldLimits.TimeCharacters, CommandStatus.InvalidExpiryTime);
        RegisteredDelivery = (RegisteredDelivery)reader.ReadByte();
        SmDefaultMessageId = reader.ReadByte();
        ShortMessage = ShortMessageField.Read(ref reader);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new ReplaceSmResp();
}
