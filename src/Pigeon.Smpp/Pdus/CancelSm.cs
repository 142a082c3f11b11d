using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// cancel_sm (section 4.9.1): the ESME cancels one pending message (by message_id) or every pending message
/// from a source to a destination (message_id empty, optionally narrowed by service_type).
/// <code>
/// field             size
/// service_type      C ≤6
/// message_id        C ≤65   empty to cancel by address
/// source_addr_ton   1
/// source_addr_npi   1
/// source_addr       C ≤21
/// dest_addr_ton     1
/// dest_addr_npi     1
/// destination_addr  C ≤21
/// </code>
/// </summary>
public sealed class CancelSm : RequestPdu
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.CancelSm;

    /// <summary>service_type of the messages to cancel, or empty.</summary>
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>The SMSC's id of the message to cancel, or empty to cancel by address.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>The source address of the message(s) to cancel.</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <summary>The destination address of the message(s) to cancel.</summary>
    public SmppAddress Destination { get; set; } = SmppAddress.Empty;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(ServiceType)
        + PduWriter.CStringSize(MessageId)
        + SmppAddressField.Size(Source)
        + SmppAddressField.Size(Destination);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        writer.WriteCString(MessageId);
        SmppAddressField.Write(ref writer, Source);
        SmppAddressField.Write(ref writer, Destination);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        ServiceType = reader.ReadCString(FieldLimits.ServiceType, CommandStatus.InvalidServiceType);
        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
        Source = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidSourceAddress);
        Destination = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidDestinationAddress);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new CancelSmResp();
}
