using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Messages;

/// <summary>Mappings of <see cref="MessageStatus"/> to the words of SMPP.</summary>
public static class MessageStatusExtensions
{
    /// <summary>True for the states a message never leaves.</summary>
    public static bool IsFinal(this MessageStatus status) => status >= MessageStatus.Delivered;

    /// <summary>The SMPP message_state (query_sm_resp, the message_state TLV).</summary>
    public static MessageState ToMessageState(this MessageStatus status) => status switch
    {
        MessageStatus.Accepted => MessageState.Accepted,
        MessageStatus.Enroute => MessageState.Enroute,
        MessageStatus.Delivered => MessageState.Delivered,
        MessageStatus.Expired => MessageState.Expired,
        MessageStatus.Deleted => MessageState.Deleted,
        MessageStatus.Undeliverable => MessageState.Undeliverable,
        MessageStatus.Rejected => MessageState.Rejected,
        _ => MessageState.Unknown,
    };

    /// <summary>The status a supplier's message_state reports.</summary>
    public static MessageStatus FromMessageState(MessageState state) => state switch
    {
        MessageState.Enroute => MessageStatus.Enroute,
        MessageState.Delivered => MessageStatus.Delivered,
        MessageState.Expired => MessageStatus.Expired,
        MessageState.Deleted => MessageStatus.Deleted,
        MessageState.Undeliverable => MessageStatus.Undeliverable,
        MessageState.Accepted => MessageStatus.Enroute,
        MessageState.Rejected => MessageStatus.Rejected,
        _ => MessageStatus.Unknown,
    };
}
