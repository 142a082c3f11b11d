namespace Pigeon.Gateway.Storage;

/// <summary>Settings of a <see cref="GroupCommitWriter"/>.</summary>
public sealed record GroupCommitOptions
{
    /// <summary>Most commands in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>
    /// How long a batch that is not full waits for more commands before it commits. Zero (the default) commits at
    /// once: batches still grow by themselves while the previous commit is in flight.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.Zero;

    /// <summary>Commands waiting at most; producers wait for room beyond it (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>
    /// When a batch fails, run each of its commands again in a transaction of its own, so one bad command fails
    /// only its own waiter. Off: every waiter of a failed batch fails.
    /// </summary>
    public bool IsolateFailures { get; init; } = true;
}
