using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// One move of a customer's balance. The ledger is append-only and the balance is its sum; amounts are signed
/// (charges negative) and exact to six decimal places.
/// </summary>
public sealed record LedgerEntry
{
    public required long Id { get; init; }

    public required long CustomerId { get; init; }

    public required LedgerEntryKind Kind { get; init; }

    public required decimal Amount { get; init; }

    public required string Reason { get; init; }

    /// <summary>The message a charge or refund is for.</summary>
    public MessageId? MessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
