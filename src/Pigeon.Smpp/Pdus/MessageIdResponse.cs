using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// A response whose mandatory body is a single message_id C-octet string of at most 65 octets (submit_sm_resp
/// 4.4.2, deliver_sm_resp 4.6.2, data_sm_resp 4.7.2). By default the body is omitted when command_status is not
/// zero, as section 4.4.2 says for submit_sm_resp; responses for which the specification says no such thing
/// override <see cref="OmitsBody"/>. Decoding accepts an error response with or without its body.
/// </summary>
public abstract class MessageIdResponse : ResponsePdu
{
    /// <summary>The SMSC's id for the message.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <inheritdoc />
    protected internal override bool OmitsBody => CommandStatus != CommandStatus.Ok;

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength => PduWriter.CStringSize(MessageId);

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer) => writer.WriteCString(MessageId);

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        if (ArrivedWithoutBody(reader))
        {
            return;
        }

        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
    }
}
