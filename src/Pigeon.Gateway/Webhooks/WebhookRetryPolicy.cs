namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// When to try a failed event again: exponential back-off from <see cref="InitialDelay"/>, doubling up to
/// <see cref="MaxDelay"/>, each delay drawn uniformly from its upper half (jitter, so endpoints coming back are not
/// hit by every event at once), for at most <see cref="MaxRetryTime"/> counted from the first attempt (so a
/// gateway that was down, or a receipt with an old done date, does not eat the time).
/// </summary>
public sealed record WebhookRetryPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan MaxRetryTime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The next attempt after the <paramref name="attemptsMade"/>th failed at <paramref name="now"/>, or null to give
    /// up. <paramref name="jitter"/> in [0, 1) picks the point in the delay's upper half.
    /// </summary>
    public DateTimeOffset? NextAttempt(int attemptsMade, DateTimeOffset firstAttemptAt, DateTimeOffset now, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1d);
        var deadline = firstAttemptAt + MaxRetryTime;
        if (now >= deadline)
        {
            return null;
        }

        var delay = Delay(attemptsMade);
        var next = now + (delay / 2) + (delay / 2 * jitter);
        // The last attempt is made at the deadline rather than not at all.
        return next > deadline ? deadline : next;
    }

    /// <summary>The delay's ceiling after <paramref name="attemptsMade"/> failures: InitialDelay × 2^(n-1), at most MaxDelay.</summary>
    public TimeSpan Delay(int attemptsMade)
    {
        var doublings = Math.Min(attemptsMade - 1, 40);
        var ticks = InitialDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
