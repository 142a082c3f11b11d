namespace Pigeon.Gateway.Webhooks;

/// <summary>What a webhook event reports. Stored as its number: never renumber.</summary>
public enum WebhookEventKind
{
    /// <summary>"message.status": a message left for its supplier (enroute) or reached a final status.</summary>
    MessageStatus = 1,

    /// <summary>"mo.received": a mobile-originated message arrived on one of the customer's inbound numbers.</summary>
    MoReceived = 2,
}
