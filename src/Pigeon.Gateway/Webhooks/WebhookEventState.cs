namespace Pigeon.Gateway.Webhooks;

/// <summary>Where an event of the outbox stands. Stored as its number: never renumber.</summary>
public enum WebhookEventState
{
    /// <summary>Owed: due now or at its next attempt time.</summary>
    Pending = 0,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Retried for the bounded retry time without success (or no endpoint to send to); not sent again.</summary>
    GivenUp = 2,
}
