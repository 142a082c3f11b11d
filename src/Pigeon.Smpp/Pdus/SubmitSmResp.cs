using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// submit_sm_resp (section 4.4.2): the SMSC's message_id for the accepted message.
/// <code>
/// field       size
/// message_id  C ≤65   omitted when command_status is not zero
/// </code>
/// </summary>
public sealed class SubmitSmResp : MessageIdResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.SubmitSmResp;
}
