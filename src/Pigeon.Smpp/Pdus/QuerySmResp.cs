using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// query_sm_resp (section 4.8.2).
/// <code>
/// field          size
/// message_id     C ≤65
/// final_date     C 1|17   when the message reached a final state; empty while it has not
/// message_state  1        section 5.2.28
/// error_code     1        network error code, when the state is a failure
/// </code>
/// The specification keeps this body in error responses; a bare error header from a peer still decodes.
/// </summary>
public sealed class QuerySmResp : ResponsePdu
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.QuerySmResp;

    /// <summary>The SMSC's id of the queried message.</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>final_date in the 16-character SMPP time format, or empty.</summary>
    public string FinalDate { get; set; } = string.Empty;

    /// <summary>message_state: where the message is now.</summary>
    public MessageState MessageState { get; set; }

    /// <summary>error_code: the network-specific reason for a failure state, 0 otherwise.</summary>
    public byte ErrorCode { get; set; }

    /// <inheritdoc />
    protected internal override int MandatoryBodyLength =>
        PduWriter.CStringSize(MessageId) + PduWriter.CStringSize(FinalDate) + 2;

    /// <inheritdoc />
    protected internal override void WriteMandatoryBody(ref PduWriter writer)
    {
        writer.WriteCString(MessageId);
        writer.WriteCString(FinalDate);
        writer.WriteByte((byte)MessageState);
        writer.WriteByte(ErrorCode);
    }

    /// <inheritdoc />
    protected internal override void ReadMandatoryBody(ref PduReader reader)
    {
        if (ArrivedWithoutBody(reader))
        {
            return;
        }

        MessageId = reader.ReadCString(FieldLimits.MessageId, CommandStatus.InvalidMessageId);
        // No command_status names a malformed final_date; the query is what failed.
        FinalDate = reader.ReadFixedOrEmptyCString(FieldLimits.TimeCharacters, CommandStatus.QueryFailed);
        MessageState = (MessageState)reader.ReadByte();
        ErrorCode = reader.ReadByte();
    }
}
