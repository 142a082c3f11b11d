using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Pdus;

/// <summary>A PDU that asks for an answer (or, for outbind and alert_notification, expects none).</summary>
public abstract class RequestPdu : Pdu
{
    /// <summary>Creates the matching response, echoing the sequence number, with the given status.</summary>
    public ResponsePdu CreateResponse(CommandStatus status = CommandStatus.Ok)
    {
        var response = NewResponse();
        response.SequenceNumber = SequenceNumber;
        response.CommandStatus = status;
        return response;
    }

    /// <summary>Creates an empty response of the right type; generic_nack for requests that have none.</summary>
    protected abstract ResponsePdu NewResponse();
}
