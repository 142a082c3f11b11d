using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>
/// generic_nack (section 4.3.1): header only; answers a PDU whose header was invalid (bad length, unknown
/// command id) with the offending sequence number and an error status.
/// </summary>
public sealed class GenericNack : EmptyBodyResponse
{
    /// <inheritdoc />
    public override CommandId CommandId => CommandId.GenericNack;
}
