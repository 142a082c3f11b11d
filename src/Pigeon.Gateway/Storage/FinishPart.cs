using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Pigeon ends a part itself: a supplier's final command_status (<see cref="MessageStatus.Rejected"/>), the validity
/// period running out in the queue (<see cref="MessageStatus.Expired"/>), a cancel (<see cref="MessageStatus.Deleted"/>).
/// Applies only to a part not yet final; then <see cref="Refund"/> (if above zero) goes back to the customer through a
/// <see cref="LedgerEntryKind.Refund"/> entry, so a repeat never refunds twice.
/// </summary>
public sealed record FinishPart(MessageId PartId, MessageStatus Status, string? Error, decimal Refund, DateTimeOffset At) : WriteCommand;
