namespace Pigeon.Smpp.Protocol;

/// <summary>message_state values (section 5.2.28), as in query_sm_resp and the message_state TLV. Wire values.</summary>
public enum MessageState : byte
{
    Enroute = 1,
    Delivered = 2,
    Expired = 3,
    Deleted = 4,
    Undeliverable = 5,
    Accepted = 6,
    Unknown = 7,
    Rejected = 8,
}
