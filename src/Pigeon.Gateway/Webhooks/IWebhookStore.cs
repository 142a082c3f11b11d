namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// Webhook settings, the outbox and the delivery log. Events enter the outbox inside the store, in the transaction
/// that changes what they report (a message leaving for its supplier or becoming final, an MO stored), so a crash
/// can never lose an event owed; this contract reads them out and records what became of them.
/// </summary>
public interface IWebhookStore
{
    ValueTask<WebhookSettings?> GetSettingsAsync(long customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets both URLs (null clears one). Creates the settings with <paramref name="secretIfNew"/> when the customer
    /// has none; otherwise the stored secret stays.
    /// </summary>
    ValueTask<WebhookSettingsChange> SetUrlsAsync(long customerId, string? receiptsUrl, string? moUrl, string secretIfNew, CancellationToken cancellationToken);

    /// <summary>Replaces the secret; null when the customer has no settings.</summary>
    ValueTask<WebhookSettings?> RotateSecretAsync(long customerId, string newSecret, CancellationToken cancellationToken);

    /// <summary>Removes the settings: events still pending for the customer's URLs are given up at their next attempt.</summary>
    ValueTask<bool> RemoveSettingsAsync(long customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Pending events due at <paramref name="now"/>, oldest due first, at most <paramref name="perCustomer"/> of any
    /// one customer (so one customer's backlog cannot fill the page) and <paramref name="limit"/> in all. An event
    /// is left out while an earlier event of the same message is pending: a message's events go out in order.
    /// </summary>
    ValueTask<IReadOnlyList<DueWebhook>> ListDueAsync(DateTimeOffset now, int perCustomer, int limit, CancellationToken cancellationToken);

    /// <summary>Records attempts, each with its event's new state, in one transaction.</summary>
    ValueTask RecordAttemptsAsync(IReadOnlyList<WebhookAttempt> attempts, CancellationToken cancellationToken);

    /// <summary>A customer's delivery log, newest first: attempts with an id below <paramref name="beforeId"/> (null: from the newest).</summary>
    ValueTask<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(long customerId, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>How many events of the customer are in each state (for operators and tests).</summary>
    ValueTask<IReadOnlyDictionary<WebhookEventState, long>> CountEventsAsync(long customerId, CancellationToken cancellationToken);
}
