namespace Pigeon.Gateway.Webhooks;

/// <summary>What one delivery attempt led to. Stored as its number: never renumber.</summary>
public enum WebhookAttemptOutcome
{
    /// <summary>Answered 2xx: the event is delivered.</summary>
    Delivered = 1,

    /// <summary>Failed; another attempt is scheduled.</summary>
    Retrying = 2,

    /// <summary>Failed and the retry time is spent (or there is nowhere to send): the event is given up.</summary>
    GivenUp = 3,
}
