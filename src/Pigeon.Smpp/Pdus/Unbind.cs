using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>unbind (section 4.2.1): either side ends the session; header only.</summary>
public sealed class Unbind : EmptyBodyRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.Unbind;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new UnbindResp();
}
