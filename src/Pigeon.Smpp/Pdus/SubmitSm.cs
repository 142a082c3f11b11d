using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>submit_sm (section 4.4.1): an ESME submits one short message for one destination.</summary>
public sealed class SubmitSm : ShortMessageRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.SubmitSm;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new SubmitSmResp();
}
