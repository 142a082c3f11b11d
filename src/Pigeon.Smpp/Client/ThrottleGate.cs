using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Client;

/// <summary>
/// The client-wide pause after the SMSC answers ESME_RTHROTTLED or ESME_RMSGQFUL. Every request waits at the
/// gate, not just the one that was throttled, so the client as a whole slows down and a retried request is not
/// overtaken by a stream of later ones. Answers that arrive while a pause runs (the rest of the window, sent before
/// it began) do not lengthen it; a throttling answer after the pause doubles the next one; any other answer resets.
/// </summary>
internal sealed class ThrottleGate
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private long _closedUntil;
    private int _level;

    public ThrottleGate(TimeProvider time, TimeSpan min, TimeSpan max)
    {
        _time = time;
        _min = min;
        _max = max;
    }

    /// <summary>Completes at once unless a pause is running, else when it ends.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var until = Volatile.Read(ref _closedUntil);
        if (until == 0)
        {
            return ValueTask.CompletedTask;
        }

        var remaining = _time.GetElapsedTime(_time.GetTimestamp(), until);
        return remaining <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(remaining, _time, cancellationToken));
    }

    /// <summary>Records a throttling answer; returns how long the gate now stays closed.</summary>
    public TimeSpan OnThrottled()
    {
        var now = _time.GetTimestamp();
        var until = Volatile.Read(ref _closedUntil);
        if (until > now)
        {
            return _time.GetElapsedTime(now, until);
        }

        var level = Interlocked.Increment(ref _level);
        var pause = ExponentialBackoff.Delay(level - 1, _min, _max);
        Interlocked.CompareExchange(ref _closedUntil, now + (long)(pause.TotalSeconds * _time.TimestampFrequency), until);
        return pause;
    }

    /// <summary>Records an answer that was not throttling: the next pause starts from the minimum again.</summary>
    public void OnAccepted()
    {
        if (Volatile.Read(ref _level) != 0)
        {
            Volatile.Write(ref _level, 0);
        }
    }
}
