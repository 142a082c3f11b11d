using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// deliver_sm_resp (section 4.6.2).
/// <code>
/// field       size
/// message_id  C ≤65   unused, set to NULL
/// </code>
/// Unlike submit_sm_resp, the specification keeps this body in error responses, so it is always written; a bare
/// error header from a peer still decodes.
/// </summary>
public sealed class DeliverSmResp : MessageIdResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.DeliverSmResp;

    /// <inheritdoc />
    protected internal override bool OmitsBody => false;
}
