using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// query_sm (section 4.8.1): the ESME asks for the state of a message it submitted.
/// <code>
/// field            size
/// message_id       C ≤65   the id the SMSC returned in submit_sm_resp
/// source_addr_ton  1
/// source_addr_npi  1
/// source_addr      C ≤21   must match the original submit
/// </code>
/// </summary>
public sealed class QuerySm : RequestPdu
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.QuerySm;

    /// <summary>The SMSC's id of the message being queried.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>The source address of the original message.</summary>
    public SmppAddress Source { get; set; } = SmppAddress.Empty;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(MessageId) + SmppAddressField.Size(Source);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(MessageId);
        SmppAddressField.Write(ref writer, Source);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
        Source = SmppAddressField.Read(ref reader, FieldLimits.Address, CommandStatus.InvalidSourceAddress);
    }

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new QuerySmResp();
}
