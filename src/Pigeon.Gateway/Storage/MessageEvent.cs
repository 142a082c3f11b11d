using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>One line of a message's history (its acceptance is the message row itself).</summary>
public sealed record MessageEvent
{
    public required long Id { get; init; }

    public required MessageId MessageId { get; init; }

    public MessageId? PartId { get; init; }

    public required MessageEventKind Kind { get; init; }

    /// <summary>The part's status after the event.</summary>
    public MessageStatus? Status { get; init; }

    public long? SupplierId { get; init; }

    /// <summary>The supplier's message id, the failover reason, or the error.</summary>
    public string? Detail { get; init; }

    public required DateTimeOffset At { get; init; }
}
