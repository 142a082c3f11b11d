using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>A PDU that answers a request with the same sequence number.</summary>
public abstract class ResponsePdu : Pdu
{
    /// <summary>
    /// True when an error response arrived as a bare header. Peers disagree on whether an error response keeps
    /// its body (the specification drops it for bind and submit_sm responses, section 4.1.2 and 4.4.2, and is
    /// silent elsewhere), so decoders accept both forms and leave the fields at their defaults.
    /// </summary>
    private protected bool ArrivedWithoutBody(in PduReader reader) =>
        reader.Remaining == 0 && CommandStatus != CommandStatus.Ok;
}
