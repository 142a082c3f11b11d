using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// A delivery receipt Pigeon owes an SMPP account (deliver_sm to a bound receiver), kept while the account is not
/// bound. It carries what the deliver_sm needs, so sending it reads nothing else.
/// </summary>
public sealed record CustomerReceiptRecord
{
    public long Id { get; init; }

    public required long SmppAccountId { get; init; }

    /// <summary>Our message id, which the customer got in submit_sm_resp.</summary>
    public required MessageId MessageId { get; init; }

    public required MessageStatus Status { get; init; }

    public string? Error { get; init; }

    /// <summary>source_addr of the receipt: the handset the message went to (E.164 digits).</summary>
    public required string Source { get; init; }

    /// <summary>destination_addr of the receipt: the message's original sender.</summary>
    public required string Destination { get; init; }

    public byte DestinationTon { get; init; }

    public byte DestinationNpi { get; init; }

    /// <summary>When the message was accepted (the receipt's submit date).</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the message reached <see cref="Status"/> (the receipt's done date).</summary>
    public required DateTimeOffset DoneAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Given up by <see cref="ExpireCustomerReceipts"/>.</summary>
    public DateTimeOffset? ExpiredAt { get; init; }
}
