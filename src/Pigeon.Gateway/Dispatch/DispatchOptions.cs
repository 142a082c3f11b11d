using System.Net.Security;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// How the dispatch side talks to suppliers: queue size, SMPP time-outs, back-off, retry and failover limits. The
/// per-supplier settings (binds, window, TPS, admin state) live on <see cref="Routing.Supplier"/>.
/// </summary>
public sealed class DispatchOptions
{
    /// <summary>Parts each supplier keeps in memory; the rest wait in the store.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long a submit_sm waits for its response before it counts as a temporary failure.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle time after which a bind sends enquire_link.</summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An enquire_link unanswered this long marks the supplier dead and the bind reconnects.</summary>
    public TimeSpan EnquireLinkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long connecting (and TLS) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay before reconnecting a bind; doubles per failed attempt.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnection attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First pause of a bind answered ESME_RTHROTTLED or ESME_RMSGQFUL; doubles while throttling goes on.</summary>
    public TimeSpan ThrottleBackoffMin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest throttling pause.</summary>
    public TimeSpan ThrottleBackoffMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First pause of a bind after a temporary failure (time-out, lost link, system error); doubles after each.</summary>
    public TimeSpan RetryBackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest pause after temporary failures.</summary>
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Temporary failures of one part (throttling not counted) after which it fails over to the next supplier of
    /// its route, or is rejected when none is left.
    /// </summary>
    public int MaxTemporaryFailures { get; set; } = 5;

    /// <summary>Time from a part's first failure (throttling included) after which it fails over.</summary>
    public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a supplier may be admin-down or without a bound bind before its queued parts fail over (or are
    /// rejected when their route has no supplier left). <see cref="Timeout.InfiniteTimeSpan"/> keeps them waiting.
    /// </summary>
    public TimeSpan UnavailableFailoverAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Parts failed over at once while a supplier is unavailable (each is one durable write).</summary>
    public int FailoverConcurrency { get; set; } = 32;

    /// <summary>How much of a second's TPS may go out at once after a quiet spell.</summary>
    public TimeSpan TpsBurstWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a bind that lost its link looks again whether it is back.</summary>
    public TimeSpan LinkPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Delay before trying again when reading the backlog or storing an outcome failed.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Decides whether a supplier's TLS certificate is trusted; null uses the platform's validation.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 2, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTemporaryFailures, 1, nameof(MaxTemporaryFailures));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailoverConcurrency, 1, nameof(FailoverConcurrency));
        RequirePositive(ResponseTimeout, nameof(ResponseTimeout));
        RequirePositive(EnquireLinkTimeout, nameof(EnquireLinkTimeout));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequireRange(ReconnectDelayMin, ReconnectDelayMax, nameof(ReconnectDelayMax));
        RequireRange(ThrottleBackoffMin, ThrottleBackoffMax, nameof(ThrottleBackoffMax));
        RequireRange(RetryBackoffMin, RetryBackoffMax, nameof(RetryBackoffMax));
        RequirePositive(MaxRetryTime, nameof(MaxRetryTime));
        RequirePositive(TpsBurstWindow, nameof(TpsBurstWindow));
        RequirePositive(LinkPollInterval, nameof(LinkPollInterval));
        RequirePositive(StoreRetryDelay, nameof(StoreRetryDelay));
        if (UnavailableFailoverAfter != Timeout.InfiniteTimeSpan)
        {
            RequirePositive(UnavailableFailoverAfter, nameof(UnavailableFailoverAfter));
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }

    private static void RequireRange(TimeSpan min, TimeSpan max, string name)
    {
        RequirePositive(min, name);
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(name, max, "The maximum must not be below the minimum.");
        }
    }
}
