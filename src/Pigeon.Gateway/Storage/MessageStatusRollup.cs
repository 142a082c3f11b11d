using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// How the statuses of a message's parts make the message's one status. Stores apply it inside the transaction
/// that changes a part, so two parts finishing at once still finish the message exactly once.
/// <list type="bullet">
/// <item>every part final: Delivered if every part was delivered, otherwise the first of Rejected, Undeliverable,
/// Expired, Deleted, Unknown that some part has (a message counts as delivered only when all of it was);</item>
/// <item>some part not final: Enroute once any part has left the queue (Enroute or final), else Accepted.</item>
/// </list>
/// </summary>
public static class MessageStatusRollup
{
    private static readonly MessageStatus[] FailurePrecedence =
    [
        MessageStatus.Rejected,
        MessageStatus.Undeliverable,
        MessageStatus.Expired,
        MessageStatus.Deleted,
        MessageStatus.Unknown,
    ];

    /// <summary>The message's status for these part statuses (at least one).</summary>
    public static MessageStatus Combine(ReadOnlySpan<MessageStatus> parts)
    {
        if (parts.IsEmpty)
        {
            throw new ArgumentException("A message has at least one part.", nameof(parts));
        }

        var allFinal = true;
        var anyLeftQueue = false;
        var allDelivered = true;
        foreach (var status in parts)
        {
            allFinal &= status.IsFinal();
            anyLeftQueue |= status != MessageStatus.Accepted;
            allDelivered &= status == MessageStatus.Delivered;
        }

        if (!allFinal)
        {
            return anyLeftQueue ? MessageStatus.Enroute : MessageStatus.Accepted;
        }

        if (allDelivered)
        {
            return MessageStatus.Delivered;
        }

        foreach (var failure in FailurePrecedence)
        {
            if (parts.Contains(failure))
            {
                return failure;
            }
        }

        return MessageStatus.Unknown;
    }
}
