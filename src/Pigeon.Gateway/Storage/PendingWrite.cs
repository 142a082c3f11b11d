using System.Threading.Tasks.Sources;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// A command waiting for its batch to commit, and the completion source its producer awaits. Pooled and reused:
/// awaiting a write allocates no Task. Continuations run asynchronously, so completing a batch's waiters never runs
/// their code on the writer loop.
/// </summary>
internal sealed class PendingWrite : IValueTaskSource<WriteResult>
{
    private readonly Action<PendingWrite> _recycle;
    private ManualResetValueTaskSourceCore<WriteResult> _core = new() { RunContinuationsAsynchronously = true };

    public PendingWrite(Action<PendingWrite> recycle) => _recycle = recycle;

    public WriteCommand? Command { get; set; }

    public ValueTask<WriteResult> AsValueTask() => new(this, _core.Version);

    public void Succeed(WriteResult result) => _core.SetResult(result);

    public void Fail(Exception error) => _core.SetException(error);

    public WriteResult GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Command = null;
            _recycle(this);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
