using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>unbind_resp (section 4.2.2): header only.</summary>
public sealed class UnbindResp : EmptyBodyResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.UnbindResp;
}
