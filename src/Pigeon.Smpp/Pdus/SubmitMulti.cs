using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// submit_multi (section 4.5.1): one short message for up to 254 destinations, each an SME address or a
/// distribution list. The body is submit_sm's with the single destination replaced by a counted list.
/// <code>
/// field                    size
/// service_type             C ≤6
/// source_addr_ton          1
/// source_addr_npi          1
/// source_addr              C ≤21
/// number_of_dests          1         1..254 (ESME_RINVNUMDESTS above)
/// dest_address             var       number_of_dests times, see <see cref="DestinationAddress"/>
/// esm_class                1
/// protocol_id              1
/// priority_flag            1
/// schedule_delivery_time   C 1|17
/// validity_period          C 1|17
/// registered_delivery      1
/// replace_if_present_flag  1
/// data_coding              1
/// sm_default_msg_id        1
/// sm_length                1         0..254
/// short_message            sm_length
/// </code>
/// </summary>
public sealed class SubmitMulti : MessageRequest
{
    /// <summary>Most destinations one submit_multi may name (section 4.5.1).</summary>
    public const int MaxDestinations = FieldLimits.Destinations;

    private readonly List<DestinationAddress> _destinations = [];
    private ReadOnlyMemory<byte> _shortMessage;

    /// <inheritdoc />
    public override CommandId CommandId => CommandId.SubmitMulti;

    /// <summary>The destinations, in wire order; at most <see cref="MaxDestinations"/> when encoded.</summary>
    public IList<DestinationAddress> Destinations => _destinations;

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
    /// <exception cref="InvalidOperationException">More than 254 destinations, or one with an undefined flag.</exception>
    protected internal override int MandatoryBodyLength
    {
        get
        {
            // The encoder asks for the size before writing, so a list the wire cannot carry stops here.
            if (_destinations.Count > MaxDestinations)
            {
                throw new InvalidOperationException($"submit_multi names at most {MaxDestinations} destinations; this one has {_destinations.Count}.");
            }

            var destinations = 0;
            foreach (var destination in _destinations)
            {
                destinations += 1 + destination.Flag switch
                {
                    DestinationFlag.SmeAddress => SmppAddressField.Size(destination.Address),
                    DestinationFlag.DistributionList => PduWriter.CStringSize(destination.DistributionListName),
                    _ => throw new InvalidOperationException($"dest_flag {(byte)destination.Flag} is neither an SME address nor a distribution list."),
                };
            }

            return PduWriter.CStringSize(ServiceType)
                + SmppAddressField.Size(Source)
                + 1 // number_of_dests
                + destinations
                + 3 // esm_class, protocol_id, priority_flag
                + PduWriter.CStringSize(ScheduleDeliveryTime)
                + PduWriter.CStringSize(ValidityPeriod)
                + 4 // registered_delivery .. sm_default_msg_id
                + ShortMessageField.Size(ShortMessage);
        }
    }

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        SmppAddressField.Write(ref writer, Source);
        writer.WriteByte((byte)_destinations.Count);
        foreach (var destination in _destinations)
        {
            writer.WriteByte((byte)destination.Flag);
            if (destination.Flag == DestinationFlag.DistributionList)
            {
                writer.WriteCString(destination.DistributionListName);
            }
            else
            {
                SmppAddressField.Write(ref writer, destination.Address);
            }
        }

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
        ReadDestinations(ref reader);
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

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new SubmitMultiResp();

    private void ReadDestinations(ref PduReader reader)
    {
        _destinations.Clear();
        int count = reader.ReadByte();
        if (count > MaxDestinations)
        {
            reader.Fail(CommandStatus.InvalidNumberOfDestinations);
            return;
        }

        for (var i = 0; i < count && reader.Ok; i++)
        {
            var flag = (DestinationFlag)reader.ReadByte();
            switch (flag)
            {
                case DestinationFlag.SmeAddress:
                    _destinations.Add(DestinationAddress.Sme(
                        SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidDestinationAddress)));
                    break;
                case DestinationFlag.DistributionList:
                    _destinations.Add(DestinationAddress.DistributionList(
                        reader.ReadCString(FieldLimits.DistributionListName, CommandStatus.InvalidDistributionListName)));
                    break;
                default:
                    reader.Fail(CommandStatus.InvalidDestinationFlag);
                    return;
            }
        }
    }
}
