using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Webhooks;

/// <summary>A row of a customer's delivery log: one attempt to deliver one event.</summary>
public sealed record WebhookDelivery
{
    /// <summary>The row's id, the cursor of the log's pages.</summary>
    public required long Id { get; init; }

    public required long EventId { get; init; }

    public required WebhookEventKind Kind { get; init; }

    public MessageId? MessageId { get; init; }

    public long? MoId { get; init; }

    public required int Attempt { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Url { get; init; }

    public int? HttpStatus { get; init; }

    public string? Error { get; init; }

    public required TimeSpan Duration { get; init; }

    public required WebhookAttemptOutcome Outcome { get; init; }
}
