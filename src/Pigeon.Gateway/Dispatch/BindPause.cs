namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// A bind's back-off after throttling or a temporary failure. Failures that arrive while a pause runs (the rest of
/// the window, sent before it began) do not lengthen it; one that arrives after it doubles the next. A success
/// resets the doubling.
/// </summary>
internal sealed class BindPause(TimeProvider timeProvider)
{
    private readonly Lock _sync = new();
    private long _until;
    private int _level;

    /// <summary>True while the bind must not send.</summary>
    public bool IsPaused
    {
        get
        {
            lock (_sync)
            {
                return _until > timeProvider.GetTimestamp();
            }
        }
    }

    /// <summary>Records a failure and returns the pause now in force.</summary>
    public TimeSpan Note(TimeSpan min, TimeSpan max)
    {
        lock (_sync)
        {
            var now = timeProvider.GetTimestamp();
            if (_until > now)
            {
                return timeProvider.GetElapsedTime(now, _until);
            }

            var delay = BackoffDelay.Of(_level++, min, max);
            _until = now + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
            return delay;
        }
    }

    /// <summary>A submit went through: the next failure starts from the shortest pause again.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _level = 0;
        }
    }

    /// <summary>Completes when no pause is in force.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan remaining;
        lock (_sync)
        {
            var now = timeProvider.GetTimestamp();
            if (_until <= now)
            {
                return ValueTask.CompletedTask;
            }

            remaining = timeProvider.GetElapsedTime(now, _until);
        }

        return new ValueTask(Task.Delay(remaining, timeProvider, cancellationToken));
    }
}
