using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>A delivery receipt from a supplier, as stored: matched to a part or waiting for its id map.</summary>
public sealed record ReceiptRecord
{
    public long Id { get; init; }

    public required long SupplierId { get; init; }

    /// <summary>The message id the receipt carries, exactly as received.</summary>
    public required string SupplierMessageId { get; init; }

    /// <summary>The state the receipt reports.</summary>
    public required MessageStatus Status { get; init; }

    /// <summary>The err: field or network error, as text.</summary>
    public string? Error { get; init; }

    /// <summary>The done date the supplier reported, when it gave one.</summary>
    public DateTimeOffset? DoneAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The part it was matched to; null while unmatched.</summary>
    public MessageId? PartId { get; init; }
}
