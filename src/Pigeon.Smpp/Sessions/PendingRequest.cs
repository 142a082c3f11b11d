using System.Threading.Tasks.Sources;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// A request sent and not yet answered: the awaitable the sender holds, pooled per session so a request costs
/// no allocation for its tracking. Exactly one of response, time-out, cancellation or close completes it — the
/// one that removes it from the session's table — and the awaiter's <c>GetResult</c> returns it to the pool.
/// </summary>
internal sealed class PendingRequest : IValueTaskSource<ResponsePdu>
{
    private readonly SmppSession _session;
    private ManualResetValueTaskSourceCore<ResponsePdu> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;

    public PendingRequest(SmppSession session) => _session = session;

    /// <summary>The sequence number the request went out with.</summary>
    public uint SequenceNumber { get; private set; }

    /// <summary>The request's command.</summary>
    public CommandId CommandId { get; private set; }

    /// <summary>When it was queued for sending (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long SentTimestamp { get; private set; }

    /// <summary>When it times out (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long DeadlineTimestamp { get; private set; }

    /// <summary>The time-out it was given.</summary>
    public TimeSpan Timeout { get; private set; }

    /// <summary>True if it holds a slot of the outgoing window.</summary>
    public bool UsesWindow { get; private set; }

    /// <summary>The token that cancels the wait, kept to build the cancellation exception.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>The token for the <see cref="ValueTask{TResult}"/> handed to the sender.</summary>
    public short Version => _core.Version;

    /// <summary>Prepares a pooled instance for a new request.</summary>
    public void Arm(uint sequenceNumber, CommandId commandId, long now, TimeSpan timeout, long deadline, bool usesWindow)
    {
        _core.Reset();
        SequenceNumber = sequenceNumber;
        CommandId = commandId;
        SentTimestamp = now;
        Timeout = timeout;
        DeadlineTimestamp = deadline;
        UsesWindow = usesWindow;
        CancellationToken = default;
    }

    /// <summary>Lets <paramref name="cancellationToken"/> abandon the wait. Called with the session lock held.</summary>
    public void WatchCancellation(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        _cancellation = cancellationToken.UnsafeRegister(
            static state => ((PendingRequest)state!).OnCanceled(), this);
    }

    /// <summary>Completes the wait with the peer's response.</summary>
    public void Complete(ResponsePdu response) => _core.SetResult(response);

    /// <summary>Completes the wait with a failure.</summary>
    public void Fail(Exception exception) => _core.SetException(exception);

    /// <inheritdoc />
    public ResponsePdu GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            // Waits for a cancellation callback still running elsewhere, so a reused instance never sees it.
            _cancellation.Dispose();
            _cancellation = default;
            _session.ReturnToPool(this);
        }
    }

    /// <inheritdoc />
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void OnCanceled() => _session.CancelPending(this);
}
