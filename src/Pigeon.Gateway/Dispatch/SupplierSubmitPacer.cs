namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// Caps submits per second over all binds of a supplier without a lock: the generic cell rate algorithm kept in
/// one 64-bit word (the theoretical arrival time, TAT) advanced by compare-and-swap. Each caller reserves the next
/// free slot and waits until it comes, so callers are served in the order they asked and no one spins.
/// <code>
/// T    emission interval    1 s / permits per second
/// τ    tolerance            (burst - 1) × T: how far ahead of its slot a permit may be taken
/// on a request at time t:   wait = max(0, TAT − τ − t);  TAT = max(TAT, t) + T
/// </code>
/// Over any window of length L at most L × rate + burst permits are granted. Driven by a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SupplierSubmitPacer
{
    private readonly TimeProvider _time;
    private Pace? _pace;
    private long _theoreticalArrival;

    /// <summary>Creates a limiter; 0 permits per second means no limit.</summary>
    /// <param name="permitsPerSecond">The cap; 0 for none.</param>
    /// <param name="burstWindow">How much of a second's permits may go at once after a quiet spell (at least one permit).</param>
    /// <param name="timeProvider">The clock.</param>
    public SupplierSubmitPacer(int permitsPerSecond, TimeSpan burstWindow, TimeProvider timeProvider)
    {
        _time = timeProvider;
        SetRate(permitsPerSecond, burstWindow);
    }

    /// <summary>The current cap; 0 when unlimited.</summary>
    public int PermitsPerSecond => Volatile.Read(ref _pace)?.PermitsPerSecond ?? 0;

    /// <summary>The most permits granted at once after a quiet spell.</summary>
    public int Burst => Volatile.Read(ref _pace)?.Burst ?? 0;

    /// <summary>Changes the cap at run time; reservations already made keep their slots.</summary>
    public void SetRate(int permitsPerSecond, TimeSpan burstWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitsPerSecond);
        if (permitsPerSecond == 0)
        {
            Volatile.Write(ref _pace, null);
            return;
        }

        var interval = Math.Max(1, _time.TimestampFrequency / permitsPerSecond);
        var burst = (int)Math.Clamp(Math.Ceiling(permitsPerSecond * burstWindow.TotalSeconds), 1, permitsPerSecond);
        Volatile.Write(ref _pace, new Pace(permitsPerSecond, burst, interval, (burst - 1) * interval));
    }

    /// <summary>Reserves the next permit and returns how long to wait for it (zero when it is due now).</summary>
    public TimeSpan Reserve()
    {
        var pace = Volatile.Read(ref _pace);
        if (pace is null)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetTimestamp();
        while (true)
        {
            var tat = Volatile.Read(ref _theoreticalArrival);
            var next = Math.Max(tat, now) + pace.Interval;
            if (Interlocked.CompareExchange(ref _theoreticalArrival, next, tat) == tat)
            {
                var wait = tat - pace.Tolerance - now;
                return wait <= 0 ? TimeSpan.Zero : _time.GetElapsedTime(now, now + wait);
            }
        }
    }

    /// <summary>Waits for the next permit. A cancelled wait gives its slot up (it is not handed back).</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        return wait == TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    /// <summary>The cap in timestamp units, swapped as a whole so a rate change is never half seen.</summary>
    private sealed record Pace(int PermitsPerSecond, int Burst, long Interval, long Tolerance);
}
