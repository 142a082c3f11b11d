namespace Pigeon.Smpp.Sessions;

/// <summary>Delays that double from a minimum to a maximum, for reconnecting and for backing off when throttled.</summary>
internal static class ExponentialBackoff
{
    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (0 for the first): <paramref name="min"/> doubled
    /// per attempt, capped at <paramref name="max"/>. With <paramref name="jitter"/> the result is drawn from its
    /// upper half, so many clients dropped at once do not reconnect in lockstep.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, bool jitter = false)
    {
        var ticks = (double)min.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(ticks, max.Ticks));
        if (delay < min)
        {
            delay = min;
        }

        if (jitter)
        {
#pragma warning disable CA5394 // Spreading retries needs no cryptographic randomness.
            delay = TimeSpan.FromTicks((delay.Ticks / 2) + (long)(Random.Shared.NextDouble() * (delay.Ticks / 2)));
#pragma warning restore CA5394
        }

        return delay;
    }
}
