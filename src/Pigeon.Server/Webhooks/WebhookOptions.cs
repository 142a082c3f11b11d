using Pigeon.Gateway.Webhooks;

namespace Pigeon.Server.Webhooks;

/// <summary>
/// How webhooks are delivered, bound from "Pigeon:Webhooks" (e.g. <c>PIGEON__Webhooks__MaxRetryTime=12:00:00</c>)
/// and validated at start.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>False stops delivery (events still enter the outbox and wait).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Lets webhook URLs, and the addresses their names resolve to, be private, loopback, link-local or otherwise
    /// internal (<see cref="WebhookAddress"/>). Off by default: a customer's URL may not make the gateway POST into
    /// the operator's own network. Turn it on only where every customer is trusted (or for tests on loopback).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// An HTTP proxy every webhook goes out through (<c>http://proxy.internal:3128</c>), for networks whose only way
    /// out is a proxy; null connects directly. With the private-address guard on, each request's destination is
    /// resolved and checked before it is handed to the proxy (the proxy itself may well be on a private address).
    /// Without this setting and with the guard off, the platform's proxy settings (HTTP_PROXY, HTTPS_PROXY) apply.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>How long one request may take, connecting included, before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once, all customers together.</summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Requests in flight at once to one customer, so a slow endpoint cannot take every slot.</summary>
    public int MaxConcurrentPerCustomer { get; set; } = 4;

    /// <summary>How often the outbox is read for due events when nothing else wakes the loop.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The delay after a first failure; it doubles at each further failure.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after its first attempt an event is retried before it is given up.</summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The retry policy these settings describe.</summary>
    public WebhookRetryPolicy ToRetryPolicy() => new()
    {
        InitialDelay = InitialRetryDelay,
        MaxDelay = MaxRetryDelay,
        MaxRetryTime = MaxRetryTime,
    };

    /// <summary>Every bad setting, named as in configuration.</summary>
    public IEnumerable<string> Validate()
    {
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"Pigeon:Webhooks:AttemptTimeout must be above zero and at most 5 minutes; got {AttemptTimeout}.";
        }

        if (MaxConcurrentRequests is < 1 or > 1024)
        {
            yield return $"Pigeon:Webhooks:MaxConcurrentRequests must be between 1 and 1024; got {MaxConcurrentRequests}.";
        }

        if (MaxConcurrentPerCustomer < 1 || MaxConcurrentPerCustomer > MaxConcurrentRequests)
        {
            yield return $"Pigeon:Webhooks:MaxConcurrentPerCustomer must be between 1 and MaxConcurrentRequests; got {MaxConcurrentPerCustomer}.";
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            yield return "Pigeon:Webhooks:PollInterval must be positive.";
        }

        if (InitialRetryDelay <= TimeSpan.Zero)
        {
            yield return "Pigeon:Webhooks:InitialRetryDelay must be positive.";
        }

        if (MaxRetryDelay < InitialRetryDelay)
        {
            yield return "Pigeon:Webhooks:MaxRetryDelay must be at least InitialRetryDelay.";
        }

        if (MaxRetryTime < TimeSpan.Zero)
        {
            yield return "Pigeon:Webhooks:MaxRetryTime must not be negative.";
        }

        if (Proxy is not null && (!Uri.TryCreate(Proxy, UriKind.Absolute, out var proxy) || proxy.Scheme != Uri.UriSchemeHttp || proxy.PathAndQuery != "/"))
        {
            // Not echoed: the URL may carry the proxy's credentials.
            yield return "Pigeon:Webhooks:Proxy must be an http:// URL of a proxy: host, port and optionally user:password, no path.";
        }
    }
}
