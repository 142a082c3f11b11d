using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>enquire_link (section 4.11.1): a keep-alive with no body, allowed in every bound state.</summary>
public sealed class EnquireLink : EmptyBodyRequest
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.EnquireLink;

    /// <inheritdoc />
    protected override ResponsePdu NewResponse() => new EnquireLinkResp();
}
