using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Messages;

/// <summary>
/// A logical message as stored: one destination, one text, however many parts it travels in. Accepted means it is
/// durably stored and charged; everything that happens to it later is driven from this record and its parts.
/// </summary>
public sealed record MessageRecord
{
    public required MessageId Id { get; init; }

    public required long CustomerId { get; init; }

    /// <summary>The SMPP account it came in on; null for HTTP.</summary>
    public long? SmppAccountId { get; init; }

    /// <summary>The source address as it will be sent (alphanumeric or E.164 digits).</summary>
    public required string Source { get; init; }

    public byte SourceTon { get; init; }

    public byte SourceNpi { get; init; }

    /// <summary>The destination in E.164 digits without '+'.</summary>
    public required string Destination { get; init; }

    /// <summary>data_coding of the content.</summary>
    public byte DataCoding { get; init; }

    /// <summary>Segments charged for (the sum over parts).</summary>
    public required int Segments { get; init; }

    /// <summary>Parts the message travels in (1 unless concatenated).</summary>
    public required int PartCount { get; init; }

    /// <summary>The customer's own reference (HTTP client reference, SMPP user_message_reference), if any.</summary>
    public string? ClientReference { get; init; }

    /// <summary>registered_delivery as the customer asked; bit 0-1 = 01 wants a receipt either way, 10 on failure.</summary>
    public byte RegisteredDelivery { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public long? RouteId { get; init; }

    /// <summary>The supplier currently responsible (changes on failover).</summary>
    public long? SupplierId { get; init; }

    public decimal PricePerSegment { get; init; }

    /// <summary>What was taken from the balance (Segments × price); refunded on rejection.</summary>
    public decimal Charge { get; init; }

    public required string Currency { get; init; }

    public MessageStatus Status { get; init; } = MessageStatus.Accepted;

    /// <summary>The error behind a failed state: a supplier's command_status or receipt err, as text.</summary>
    public string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>Where this message's status webhooks go instead of its customer's receipts URL; null for that URL.</summary>
    public string? CallbackUrl { get; init; }
}
