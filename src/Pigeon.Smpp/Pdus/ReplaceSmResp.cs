using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>replace_sm_resp (section 4.10.2): header only; command_status carries the outcome.</summary>
public sealed class ReplaceSmResp : EmptyBodyResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.ReplaceSmResp;
}
