using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// The outcome of decoding one frame: a PDU, or the command_status to answer with. The header is always
/// available, so an error can be answered with the right sequence number: generic_nack for an unknown
/// command id, or the request's own response carrying the error for a bad body.
/// </summary>
public readonly record struct PduDecodeResult(PduHeader Header, Pdu? Pdu, CommandStatus Error)
{
    /// <summary>True when a PDU was decoded.</summary>
    public bool IsSuccess => Pdu is not null;
}
