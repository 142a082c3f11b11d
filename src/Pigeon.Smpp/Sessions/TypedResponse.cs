using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// Turns the response a request received into the type the caller asked for. A generic_nack becomes the
/// request's own response type carrying the nack's status, so callers check one thing: <c>CommandStatus</c>.
/// </summary>
internal static class TypedResponse
{
    public static TResponse As<TResponse>(RequestPdu request, ResponsePdu response)
        where TResponse : ResponsePdu
    {
        if (response is TResponse typed)
        {
            return typed;
        }

        if (response is GenericNack && request.CreateResponse(response.CommandStatus) is TResponse converted)
        {
            return converted;
        }

        throw new SmppException(
            $"{request.CommandId} (sequence {request.SequenceNumber}) was answered with {response.CommandId}, not {typeof(TResponse).Name}.",
            response.CommandStatus);
    }
}
