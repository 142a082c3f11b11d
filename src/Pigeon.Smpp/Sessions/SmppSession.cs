using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// One SMPP session over a duplex byte stream, for either end of the link. It runs a read loop that slices and
/// decodes frames and dispatches them (responses to the requests waiting for them, requests through the bind
/// state machine to the owner), a writer loop that coalesces everything queued into as few sends as possible, and
/// a housekeeping timer for response time-outs, idle enquire_link, dead-peer and bind time-outs.
/// </summary>
/// <remarks>
/// Every mutable field below is guarded by <see cref="_sync"/> unless it says otherwise. The lock is held only to
/// assign sequence numbers, update the pending-request table and encode into the outbox, never across an await.
/// </remarks>
internal sealed partial class SmppSession : IAsyncDisposable
{
    /// <summary>sequence_number runs from 1 to 0x7FFFFFFF and then wraps to 1 (section 3.2).</summary>
    internal const uint MaxSequenceNumber = 0x7FFFFFFF;

    private static long _nextId;

    private readonly Lock _sync = new();
    private readonly SmppTransport _transport;
    private readonly SmppSessionOptions _options;
    private readonly ISmppSessionOwner _owner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _localSystemId;
    private readonly Outbox _outbox;
    private readonly Dictionary<uint, PendingRequest> _pending;
    private readonly Stack<PendingRequest> _pool = new();
    private readonly int _maxPooled;
    private readonly SemaphoreSlim _window;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _housekeeping;
    private Task? _run;
    private volatile SmppSessionState _state;
    private volatile SmppSessionState _boundState;
    private int _finished;
    private SmppCloseReason _closeReason;
    private uint _lastSequenceNumber;
    private bool _binding;
    private TaskCompletionSource? _idle;

    // Written by the read loop, read by the housekeeping timer: accessed with Volatile.
    private long _lastReadTimestamp;
    private long _openedTimestamp;

    // Touched with Interlocked from the read loop and from asynchronous handler completions.
    private int _incomingInFlight;

    public SmppSession(
        SmppTransport transport,
        SmppRole role,
        SmppSessionOptions options,
        ISmppSessionOwner owner,
        string localSystemId,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(owner);
        options.Validate();
        _transport = transport;
        Role = role;
        _options = options;
        _owner = owner;
        _localSystemId = localSystemId ?? string.Empty;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _pending = new Dictionary<uint, PendingRequest>(options.WindowSize + 4);
        _maxPooled = options.WindowSize + 4;
        _window = new SemaphoreSlim(options.WindowSize, options.WindowSize);
        _outbox = new Outbox(_sync, transport.Output, OnWriteFailed);
        Id = Interlocked.Increment(ref _nextId);
    }

    /// <summary>A process-wide number for log correlation.</summary>
    public long Id { get; }

    /// <summary>Which end of the link this session is.</summary>
    public SmppRole Role { get; }

    /// <summary>The current state.</summary>
    public SmppSessionState State => _state;

    /// <summary>Why the session closed; <see cref="SmppCloseReason.None"/> while it is open.</summary>
    public SmppCloseReason CloseReason
    {
        get
        {
            lock (_sync)
            {
                return _closeReason;
            }
        }
    }

    /// <summary>The peer's network address, if any.</summary>
    public EndPoint? RemoteEndPoint => _transport.RemoteEndPoint;

    /// <summary>The peer's system_id once bound: the ESME's on the SMSC side, the SMSC's on the ESME side.</summary>
    public string PeerSystemId { get; private set; } = string.Empty;

    /// <summary>The ESME's system_type (SMSC side only).</summary>
    public string PeerSystemType { get; private set; } = string.Empty;

    /// <summary>
    /// The peer's interface version: the bind's interface_version on the SMSC side, the sc_interface_version of the
    /// bind response on the ESME side (null if the SMSC sent none).
    /// </summary>
    public byte? PeerInterfaceVersion { get; private set; }

    /// <summary>How the session was bound; null before.</summary>
    public BindMode? BindMode { get; private set; }

    /// <summary>Requests sent and not yet answered.</summary>
    public int OutstandingRequests
    {
        get
        {
            lock (_sync)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Requests from the peer the owner is still handling.</summary>
    public int IncomingInFlight => Volatile.Read(ref _incomingInFlight);

    /// <summary>How many batched sends the writer has made.</summary>
    public long Sends => _outbox.Sends;

    /// <summary>Completes once the session is closed and its transport released.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Sets the last sequence number used, so the next request uses the one after; before start only.</summary>
    internal uint LastSequenceNumber
    {
        get
        {
            lock (_sync)
            {
                return _lastSequenceNumber;
            }
        }

        set
        {
            lock (_sync)
            {
                _lastSequenceNumber = value;
            }
        }
    }

    /// <summary>Starts the read and write loops and the housekeeping timer.</summary>
    public void Start()
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The session is already started.");
        }

        var now = _time.GetTimestamp();
        Volatile.Write(ref _openedTimestamp, now);
        Volatile.Write(ref _lastReadTimestamp, now);
        var period = HousekeepingPeriod(_options, Role);
        _housekeeping = _time.CreateTimer(static state => ((SmppSession)state!).OnHousekeepingTick(), this, period, period);
        _run = RunAsync();
    }

    /// <summary>
    /// Unbinds gracefully: refuses new requests, gives outstanding ones up to the unbind time-out to complete,
    /// sends unbind and waits (bounded) for unbind_resp, then closes. Requests still outstanding fail with
    /// <see cref="SmppLinkDownException"/>. An unbound session is simply closed.
    /// </summary>
    public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        var sendUnbind = false;
        var closeNow = false;
        Task? idle = null;
        lock (_sync)
        {
            if (BindStateRules.IsBound(_state))
            {
                _state = SmppSessionState.Unbinding;
                sendUnbind = true;
                if (_pending.Count > 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    idle = _idle.Task;
                }
            }
            else
            {
                closeNow = _state == SmppSessionState.Open;
            }
        }

        if (sendUnbind)
        {
            try
            {
                if (idle is not null)
                {
                    await AwaitBounded(idle, _options.UnbindTimeout, cancellationToken);
                }

                await SendCoreAsync(new Pdus.Unbind(), usesWindow: false, _options.UnbindTimeout, cancellationToken);
            }
            catch (SmppException)
            {
                // No unbind_resp in time or the link went first: either way the session ends now.
            }
            catch (OperationCanceledException)
            {
                // Given up by the caller: do not leave the session half-unbound.
                BeginClose(SmppCloseReason.Aborted);
                _outbox.Abort();
                throw;
            }

            BeginClose(SmppCloseReason.Unbound);
        }
        else if (closeNow)
        {
            BeginClose(SmppCloseReason.Unbound);
        }

        await Completion.WaitAsync(cancellationToken);
    }

    /// <summary>Closes at once, without an unbind exchange; queued bytes are dropped.</summary>
    public async ValueTask CloseAsync()
    {
        BeginClose(SmppCloseReason.Aborted);
        _outbox.Abort();
        if (_run is null)
        {
            await FinishAsync();
            return;
        }

        await Completion;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>
    /// Moves to CLOSED: fails every outstanding request, cancels handlers, lets the writer send what is queued
    /// (e.g. a final unbind_resp or generic_nack) and stops the read loop. Idempotent; the first reason wins.
    /// </summary>
    internal void BeginClose(SmppCloseReason reason)
    {
        PendingRequest[] orphans;
        lock (_sync)
        {
            if (_state == SmppSessionState.Closed)
            {
                return;
            }

            // The peer hanging up after our unbind is the end of a graceful unbind, not a lost link.
            _closeReason = reason == SmppCloseReason.ConnectionLost && _state == SmppSessionState.Unbinding ? SmppCloseReason.Unbound : reason;
            _state = SmppSessionState.Closed;
            orphans = [.. _pending.Values];
            _pending.Clear();
            ReleaseIdleWaiterLocked();
        }

        try
        {
            _lifetime.Cancel();
        }
        catch (AggregateException ex)
        {
            SmppLog.NotificationFailed(_logger, ex, Id);
        }

        foreach (var pending in orphans)
        {
            if (pending.UsesWindow)
            {
                _window.Release();
            }

            pending.Fail(new SmppLinkDownException(
                $"The session closed ({reason}) before {pending.CommandId} (sequence {pending.SequenceNumber}) was answered.", reason));
        }

        _outbox.Complete();
        if (_run is not null)
        {
            _transport.Input.CancelPendingRead();
        }
    }

    private async Task RunAsync()
    {
        var writing = _outbox.RunAsync();
        await ReadLoopAsync();
        BeginClose(SmppCloseReason.ConnectionLost);
        if (!writing.IsCompleted)
        {
            try
            {
                await writing.WaitAsync(_options.UnbindTimeout, _time);
            }
            catch (TimeoutException)
            {
                // The peer is not reading: drop what is queued rather than hold the connection open.
                _outbox.Abort();
            }
        }

        await writing;
        await FinishAsync();
    }

    /// <summary>Releases the transport and tells the owner; whatever fails here, Completion completes.</summary>
    private async Task FinishAsync()
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            await Completion;
            return;
        }

        try
        {
            await ReleaseTransportAsync();
            _housekeeping?.Dispose();
            _outbox.Dispose();
            SmppLog.SessionClosed(_logger, Id, RemoteEndPoint, CloseReason);
            _owner.OnClosed(this);
        }
#pragma warning disable CA1031 // The owner's code must not keep the session from completing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.NotificationFailed(_logger, ex, Id);
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task ReleaseTransportAsync()
    {
        try
        {
            await _transport.Input.CompleteAsync();
        }
#pragma warning disable CA1031 // A broken stream may fail to complete in its own ways; it is released below regardless.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.TransportFailed(_logger, ex, Id);
        }

        await _transport.DisposeAsync();
    }

    private void OnWriteFailed(Exception? exception)
    {
        SmppLog.TransportFailed(_logger, exception, Id);
        BeginClose(SmppCloseReason.ConnectionLost);
    }

    private void ReleaseIdleWaiterLocked()
    {
        var idle = _idle;
        _idle = null;
        idle?.TrySetResult();
    }

    private async Task AwaitBounded(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Bounded wait: carry on regardless.
        }
    }
}
