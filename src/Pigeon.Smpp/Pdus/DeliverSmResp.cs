using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>deliver_sm_resp (section 4.6.2): message_id, unused and set to NUL.</summary>
public sealed class DeliverSmResp : MessageIdResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.DeliverSmResp;
}
