namespace Pigeon.Gateway.Dispatch;

/// <summary>Delays that double from a minimum to a maximum.</summary>
internal static class BackoffDelay
{
    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (0 for the first). With <paramref name="jitter"/>
    /// it is drawn from the upper half, so binds dropped together do not all reconnect at the same instant.
    /// </summary>
    public static TimeSpan Of(int attempt, TimeSpan min, TimeSpan max, bool jitter = false)
    {
        var ticks = min.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(ticks, max.Ticks));
        if (jitter)
        {
#pragma warning disable CA5394 // Spreading reconnects needs no cryptographic randomness.
            delay = TimeSpan.FromTicks((delay.Ticks / 2) + (long)(Random.Shared.NextDouble() * (delay.Ticks / 2)));
#pragma warning restore CA5394
        }

        return delay;
    }
}
