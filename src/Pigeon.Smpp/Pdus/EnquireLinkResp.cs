using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>enquire_link_resp (section 4.11.2): header only.</summary>
public sealed class EnquireLinkResp : EmptyBodyResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.EnquireLinkResp;
}
