namespace Pigeon.Smpp.Pdus;

/// <summary>A PDU that answers a request with the same sequence number.</summary>
public abstract class ResponsePdu : Pdu
{
}
