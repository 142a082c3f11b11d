namespace Pigeon.Gateway.Dispatch;

/// <summary>An open/closed gate submit loops wait at: closed while a supplier's submits are suspended.</summary>
internal sealed class SubmitGate
{
    private readonly Lock _sync = new();
    private TaskCompletionSource? _closed;

    /// <summary>Creates a gate, open or closed.</summary>
    public SubmitGate(bool open)
    {
        if (!open)
        {
            _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>True while submits may go.</summary>
    public bool IsOpen => Volatile.Read(ref _closed) is null;

    /// <summary>Opens the gate and releases everyone waiting.</summary>
    public void Open()
    {
        TaskCompletionSource? closed;
        lock (_sync)
        {
            closed = _closed;
            _closed = null;
        }

        closed?.TrySetResult();
    }

    /// <summary>Closes the gate; submits already past it finish.</summary>
    public void Close()
    {
        lock (_sync)
        {
            _closed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes when the gate is open.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var closed = Volatile.Read(ref _closed);
        return closed is null ? ValueTask.CompletedTask : new ValueTask(closed.Task.WaitAsync(cancellationToken));
    }
}
