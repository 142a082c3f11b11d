using Microsoft.Extensions.Logging;

namespace Pigeon.Server.Webhooks;

/// <summary>Source-generated log messages of webhook delivery. Secrets and bodies are never among the arguments.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1100, LogLevel.Information, "Webhook delivery running: at most {Requests} requests at once, {PerCustomer} per customer, {Timeout} each")]
    public static partial void Started(ILogger logger, int requests, int perCustomer, TimeSpan timeout);

    [LoggerMessage(1101, LogLevel.Debug, "Webhook {EventId} ({Type}) attempt {Attempt} to {Url}: {Outcome} {Detail}")]
    public static partial void Attempted(ILogger logger, long eventId, string type, int attempt, string url, string outcome, string? detail);

    [LoggerMessage(1102, LogLevel.Warning, "Webhook {EventId} of customer {CustomerId} given up after {Attempts} attempts: {Reason}")]
    public static partial void GivenUp(ILogger logger, long eventId, long customerId, int attempts, string? reason);

    [LoggerMessage(1103, LogLevel.Warning, "Reading the webhook outbox failed; it is read again shortly")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1105, LogLevel.Error, "Attempting webhook {EventId} failed inside the gateway; it is tried again later")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, long eventId);

    [LoggerMessage(1104, LogLevel.Warning, "Recording {Count} webhook attempts failed; they are kept and written again")]
    public static partial void RecordFailed(ILogger logger, Exception exception, int count);
}
