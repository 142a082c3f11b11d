using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Stores a new message with its parts (each queued for its <see cref="MessagePart.SupplierId"/>) and takes
/// <see cref="MessageRecord.Charge"/> from the customer's balance through a <see cref="LedgerEntryKind.Charge"/>
/// entry. Whether the balance suffices is the caller's decision; the store charges what it is told.
/// The result's <see cref="WriteResult.Balance"/> is the balance after the charge.
/// </summary>
public sealed record AcceptMessage(MessageRecord Message, IReadOnlyList<MessagePart> Parts) : WriteCommand
{
    /// <summary>
    /// A keyed request kept in the message's own transaction (as <see cref="RememberRequest"/> would, a key already
    /// kept left as it is), so a client reference that must not be used twice is used exactly when its message is
    /// stored: a crash can separate neither from the other.
    /// </summary>
    public RequestRecord? Remember { get; init; }
}
