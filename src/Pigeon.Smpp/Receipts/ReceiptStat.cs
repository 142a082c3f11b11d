using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Receipts;

/// <summary>
/// The stat field of a receipt (SMPP v3.4 Appendix B, table B-2) and the message_state it stands for. Parsing
/// also accepts the spelled-out words and the numeric message_state some SMSCs write.
/// </summary>
internal static class ReceiptStat
{
    /// <summary>The seven-letter word for <paramref name="state"/>.</summary>
    public static string ToText(MessageState state) => state switch
    {
        MessageState.Enroute => "ENROUTE",
        MessageState.Delivered => "DELIVRD",
        MessageState.Expired => "EXPIRED",
        MessageState.Deleted => "DELETED",
        MessageState.Undeliverable => "UNDELIV",
        MessageState.Accepted => "ACCEPTD",
        MessageState.Rejected => "REJECTD",
        _ => "UNKNOWN",
    };

    /// <summary>The state a stat word names, case-insensitively; null if it names none.</summary>
    public static MessageState? Parse(ReadOnlySpan<char> stat)
    {
        if (stat.Length == 1 && stat[0] is >= '1' and <= '8')
        {
            return (MessageState)(stat[0] - '0');
        }

        return Is(stat, "DELIVRD") || Is(stat, "DELIVERED") ? MessageState.Delivered
            : Is(stat, "EXPIRED") ? MessageState.Expired
            : Is(stat, "DELETED") ? MessageState.Deleted
            : Is(stat, "UNDELIV") || Is(stat, "UNDELIVERABLE") ? MessageState.Undeliverable
            : Is(stat, "ACCEPTD") || Is(stat, "ACCEPTED") ? MessageState.Accepted
            : Is(stat, "UNKNOWN") ? MessageState.Unknown
            : Is(stat, "REJECTD") || Is(stat, "REJECTED") ? MessageState.Rejected
            : Is(stat, "ENROUTE") ? MessageState.Enroute
            : null;
    }

    private static bool Is(ReadOnlySpan<char> stat, string word) => stat.Equals(word, StringComparison.OrdinalIgnoreCase);
}
