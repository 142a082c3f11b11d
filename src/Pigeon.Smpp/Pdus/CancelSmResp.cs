using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>cancel_sm_resp (section 4.9.2): header only; command_status carries the outcome.</summary>
public sealed class CancelSmResp : EmptyBodyResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.CancelSmResp;
}
