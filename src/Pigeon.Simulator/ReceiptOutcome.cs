using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator;

/// <summary>A final state the simulator can report in a delivery receipt, with its receipt `stat:` word.</summary>
public readonly record struct ReceiptOutcome(string Stat, MessageState State, int ErrorCode)
{
    public static ReceiptOutcome Delivered { get; } = new("DELIVRD", MessageState.Delivered, 0);

    public static ReceiptOutcome Undeliverable { get; } = new("UNDELIV", MessageState.Undeliverable, 1);

    public static ReceiptOutcome Expired { get; } = new("EXPIRED", MessageState.Expired, 2);

    public static ReceiptOutcome Rejected { get; } = new("REJECTD", MessageState.Rejected, 3);

    /// <summary>Finds an outcome by its stat word, case-insensitively.</summary>
    public static bool TryParse(string stat, out ReceiptOutcome outcome)
    {
        foreach (var candidate in (ReadOnlySpan<ReceiptOutcome>)[Delivered, Undeliverable, Expired, Rejected])
        {
            if (string.Equals(candidate.Stat, stat, StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
