namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// One delivery attempt to record: the log row, and the event's new state (delivered, its next attempt time, or
/// given up) in the same transaction.
/// </summary>
public sealed record WebhookAttempt
{
    public required long EventId { get; init; }

    public required long CustomerId { get; init; }

    /// <summary>1 for the first attempt.</summary>
    public required int Number { get; init; }

    /// <summary>When the request was started.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The URL posted to; empty when there was none to post to.</summary>
    public required string Url { get; init; }

    /// <summary>The endpoint's HTTP status; null when no response came (time-out, refused connection).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Why it failed, when it did: the status line, a time-out, a network error.</summary>
    public string? Error { get; init; }

    public TimeSpan Duration { get; init; }

    public required WebhookAttemptOutcome Outcome { get; init; }

    /// <summary>With <see cref="WebhookAttemptOutcome.Retrying"/>: when to try again.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
