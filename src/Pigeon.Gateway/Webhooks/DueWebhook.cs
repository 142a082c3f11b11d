using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// A pending event of the outbox whose attempt is due, with everything needed to send it: where (the message's own
/// callback URL, else the customer's URL for the kind, as set now), the secret to sign with, and the stored data
/// the body is rendered from (the same body at every attempt).
/// </summary>
public sealed record DueWebhook
{
    public required long EventId { get; init; }

    public required long CustomerId { get; init; }

    public required WebhookEventKind Kind { get; init; }

    /// <summary>message.status: the message.</summary>
    public MessageId? MessageId { get; init; }

    /// <summary>mo.received: the stored MO's id.</summary>
    public long? MoId { get; init; }

    /// <summary>message.status: the status reported (Enroute or a final one).</summary>
    public MessageStatus? Status { get; init; }

    /// <summary>message.status: the error behind a failed status.</summary>
    public string? Error { get; init; }

    /// <summary>When it happened: the message left for its supplier, its done time, the MO's arrival.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the first attempt was made; null before it. The retry time is counted from it.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>Where to send it; null when neither the message nor the customer names an endpoint (any more).</summary>
    public string? Url { get; init; }

    /// <summary>The customer's signing secret; null when the customer has no webhook settings.</summary>
    public string? Secret { get; init; }

    public WebhookMessageData? Message { get; init; }

    public WebhookMoData? Mo { get; init; }
}
