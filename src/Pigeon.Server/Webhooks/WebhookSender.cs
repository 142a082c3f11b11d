using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Server.Webhooks;

/// <summary>
/// Makes one attempt: POSTs the event's body to its URL with the headers a receiver verifies, within the attempt
/// time-out, and says what happened. A 2xx answer is a delivery; anything else (another status, a redirect, which
/// is not followed, a time-out, a network error) is a failure to retry.
/// <code>
/// header               value
/// Content-Type         application/json
/// Pigeon-Event-Id      the event's id (the same at every attempt: receivers de-duplicate on it)
/// Pigeon-Event-Type    message.status | mo.received
/// Pigeon-Signature     t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;
/// </code>
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider timeProvider, TimeSpan attemptTimeout)
{
    public const string ClientName = "pigeon-webhooks";

    public const string EventIdHeader = "Pigeon-Event-Id";

    public const string EventTypeHeader = "Pigeon-Event-Type";

    /// <summary>The attempt's result without its scheduling (Delivered, or Retrying to be decided by the policy); null when stopped.</summary>
    public async Task<WebhookAttempt?> SendAsync(DueWebhook webhook, CancellationToken stopping)
    {
        var at = timeProvider.GetUtcNow();
        var attempt = new WebhookAttempt
        {
            EventId = webhook.EventId,
            CustomerId = webhook.CustomerId,
            Number = webhook.Attempts + 1,
            At = at,
            Url = webhook.Url ?? "",
            Outcome = WebhookAttemptOutcome.GivenUp,
        };
        if (webhook.Url is null)
        {
            return attempt with { Error = "no endpoint: neither the message nor the customer names a URL for this event" };
        }

        if (webhook.Secret is null)
        {
            return attempt with { Error = "no signing secret: the customer has no webhook settings" };
        }

        if ((webhook.Kind == WebhookEventKind.MessageStatus && webhook.Message is null) || (webhook.Kind == WebhookEventKind.MoReceived && webhook.Mo is null))
        {
            return attempt with { Error = "what the event reports is no longer stored" };
        }

        var body = WebhookPayload.Render(webhook);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(EventIdHeader, webhook.EventId.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(EventTypeHeader, webhook.Kind.ToWireName());
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.CreateHeader(webhook.Secret, at.ToUnixTimeSeconds(), body));

        using var timeout = new CancellationTokenSource(attemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return attempt with
            {
                HttpStatus = status,
                Duration = Stopwatch.GetElapsedTime(started),
                Outcome = response.IsSuccessStatusCode ? WebhookAttemptOutcome.Delivered : WebhookAttemptOutcome.Retrying,
                Error = response.IsSuccessStatusCode ? null : $"HTTP {status} {response.ReasonPhrase}".TrimEnd(),
            };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return attempt with { Duration = Stopwatch.GetElapsedTime(started), Outcome = WebhookAttemptOutcome.Retrying, Error = $"no answer within {attemptTimeout.TotalSeconds:0.###} s" };
        }
        catch (HttpRequestException e)
        {
            return attempt with { Duration = Stopwatch.GetElapsedTime(started), Outcome = WebhookAttemptOutcome.Retrying, Error = e.Message };
        }
    }
}
