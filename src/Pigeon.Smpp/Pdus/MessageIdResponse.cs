using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// A response whose body is a single message_id C-octet string of at most 65 octets (submit_sm_resp,
/// data_sm_resp). The body is omitted when command_status is not zero, as section 4.4.2 says.
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
        // Error responses may legally arrive as a bare header.
        if (reader.Remaining == 0 && CommandStatus != CommandStatus.Ok)
        {
            return;
        }

        MessageId = reader.ReadCString(65, CommandStatus.InvalidMessageId);
    }
}
