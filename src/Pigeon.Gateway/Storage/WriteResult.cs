using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// What one <see cref="WriteCommand"/> did once its transaction committed. A value, so a batch's results need no
/// allocation. Fields a command does not set stay null or zero; each command's summary says which it sets.
/// </summary>
public readonly record struct WriteResult
{
    /// <summary>The command changed state; false when it was a repeat or did not apply (idempotent no-op).</summary>
    public bool Changed { get; init; }

    /// <summary>The row the command created (receipt, customer receipt, MO).</summary>
    public long? Id { get; init; }

    /// <summary>The part a receipt was matched to.</summary>
    public MessageId? PartId { get; init; }

    /// <summary>The message whose status this command made final, if any.</summary>
    public MessageId? FinishedMessageId { get; init; }

    /// <summary>The final status of <see cref="FinishedMessageId"/>.</summary>
    public MessageStatus? FinishedStatus { get; init; }

    /// <summary>The SMPP account that is owed a new customer receipt because of this command.</summary>
    public long? NotifySmppAccountId { get; init; }

    /// <summary>
    /// The customer's balance after the ledger move the command made (a charge, a refund). Within one batch, a move
    /// by another command of the same batch may already be counted in; the ledger itself is exact.
    /// </summary>
    public decimal? Balance { get; init; }

    /// <summary>Rows affected by a bulk command, or receipts matched by <see cref="RecordSupplierAccepted"/>.</summary>
    public int Count { get; init; }
}
