using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>The sending half: windowed requests, sequence numbers, pending-request tracking, replies.</summary>
internal sealed partial class SmppSession
{
    /// <summary>
    /// Sends a request and completes with the peer's response (a generic_nack included). At most
    /// <see cref="SmppSessionOptions.WindowSize"/> requests are outstanding; beyond that the call waits for a slot.
    /// Fails with <see cref="SmppResponseTimeoutException"/>, <see cref="SmppLinkDownException"/>, or
    /// <see cref="SmppException"/> when the bind state does not allow the request.
    /// </summary>
    public ValueTask<ResponsePdu> SendAsync(RequestPdu request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CommandId.ExpectsNoResponse())
        {
            throw new ArgumentException($"{request.CommandId} has no response; use SendOneWayAsync.", nameof(request));
        }

        if (request is BindRequest or Unbind)
        {
            throw new ArgumentException($"{request.CommandId} changes the session state; use BindAsync or UnbindAsync.", nameof(request));
        }

        return SendCoreAsync(request, usesWindow: true, _options.ResponseTimeout, cancellationToken);
    }

    /// <summary>Sends a request that has no response (alert_notification, outbind); completes once queued.</summary>
    public ValueTask SendOneWayAsync(RequestPdu request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.CommandId.ExpectsNoResponse())
        {
            throw new ArgumentException($"{request.CommandId} expects a response; use SendAsync.", nameof(request));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_sync)
        {
            var refusal = CheckCanSendLocked(request.CommandId);
            if (refusal is not null)
            {
                return ValueTask.FromException(refusal);
            }

            request.SequenceNumber = NextSequenceNumberLocked();
            if (!_outbox.TryEnqueue(request))
            {
                return ValueTask.FromException(LinkDown(request.CommandId));
            }
        }

        _outbox.Wake();
        return ValueTask.CompletedTask;
    }

    /// <summary>ESME side: sends the bind and, if the SMSC accepts it, moves to the bound state.</summary>
    public async ValueTask<ResponsePdu> BindAsync(BindRequest bind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bind);
        lock (_sync)
        {
            if (Role != SmppRole.Esme)
            {
                throw new InvalidOperationException("Only the ESME side of a session binds.");
            }

            if (_state != SmppSessionState.Open || _binding)
            {
                throw new InvalidOperationException($"Cannot bind in state {_state}{(_binding ? " (a bind is in progress)" : string.Empty)}.");
            }

            _binding = true;
        }

        try
        {
            var response = await SendCoreAsync(bind, usesWindow: false, _options.ResponseTimeout, cancellationToken);
            if (response.CommandStatus == CommandStatus.Ok && response is BindResponse accepted)
            {
                lock (_sync)
                {
                    if (_state != SmppSessionState.Open)
                    {
                        throw LinkDown(bind.CommandId);
                    }

                    _state = BindStateRules.BoundState(bind.Mode);
                    _boundState = _state;
                    BindMode = bind.Mode;
                    PeerSystemId = accepted.SystemId;
                    PeerInterfaceVersion = accepted.ScInterfaceVersion;
                }

                SmppLog.SessionBound(_logger, Id, _state, bind.SystemId, RemoteEndPoint);
                NotifyBound();
            }

            return response;
        }
        finally
        {
            lock (_sync)
            {
                _binding = false;
            }
        }
    }

    /// <summary>Queues a response (or generic_nack) for sending.</summary>
    internal void Reply(ResponsePdu response)
    {
        lock (_sync)
        {
            if (!_outbox.TryEnqueue(response))
            {
                return;
            }
        }

        _outbox.Wake();
    }

    /// <summary>Called by a pending request's cancellation callback.</summary>
    internal void CancelPending(PendingRequest pending)
    {
        lock (_sync)
        {
            if (!_pending.TryGetValue(pending.SequenceNumber, out var current) || !ReferenceEquals(current, pending))
            {
                return;
            }

            RemovePendingLocked(pending.SequenceNumber);
        }

        if (pending.UsesWindow)
        {
            _window.Release();
        }

        pending.Fail(new OperationCanceledException(pending.CancellationToken));
    }

    /// <summary>Gives a completed pending request back for reuse.</summary>
    internal void ReturnToPool(PendingRequest pending)
    {
        lock (_sync)
        {
            if (_pool.Count < _maxPooled)
            {
                _pool.Push(pending);
            }
        }
    }

    private ValueTask<ResponsePdu> SendCoreAsync(RequestPdu request, bool usesWindow, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ResponsePdu>(cancellationToken);
        }

        if (usesWindow && !_window.Wait(0, CancellationToken.None))
        {
            return SendWhenWindowOpensAsync(request, timeout, cancellationToken);
        }

        return Transmit(request, usesWindow, timeout, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponsePdu> SendWhenWindowOpensAsync(RequestPdu request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken);
        return await Transmit(request, usesWindow: true, timeout, cancellationToken);
    }

    /// <summary>
    /// Assigns the sequence number, records the request as pending and encodes it, all under the lock so the
    /// wire order is the sequence order; the window slot, if taken, is already held.
    /// </summary>
    private ValueTask<ResponsePdu> Transmit(RequestPdu request, bool usesWindow, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        PendingRequest pending;
        lock (_sync)
        {
            var refusal = CheckCanSendLocked(request.CommandId);
            if (refusal is not null)
            {
                ReleaseSlot(usesWindow);
                return ValueTask.FromException<ResponsePdu>(refusal);
            }

            pending = _pool.TryPop(out var pooled) ? pooled : new PendingRequest(this);
            var sequenceNumber = NextSequenceNumberLocked();
            request.SequenceNumber = sequenceNumber;
            pending.Arm(sequenceNumber, request.CommandId, now, timeout, now + TimestampTicks(timeout), usesWindow);
            _pending.Add(sequenceNumber, pending);
            bool queued;
            try
            {
                queued = _outbox.TryEnqueue(request);
            }
            catch
            {
                RemovePendingLocked(sequenceNumber);
                _pool.Push(pending);
                ReleaseSlot(usesWindow);
                throw;
            }

            if (!queued)
            {
                RemovePendingLocked(sequenceNumber);
                _pool.Push(pending);
                ReleaseSlot(usesWindow);
                return ValueTask.FromException<ResponsePdu>(LinkDown(request.CommandId));
            }

            // Registered under the lock: the response cannot complete (and recycle) the entry before this.
            if (cancellationToken.CanBeCanceled)
            {
                pending.WatchCancellation(cancellationToken);
            }
        }

        _outbox.Wake();
        return new ValueTask<ResponsePdu>(pending, pending.Version);
    }

    /// <summary>Completes the request a response answers; called by the read loop.</summary>
    private void OnResponse(ResponsePdu response)
    {
        PendingRequest? pending;
        lock (_sync)
        {
            pending = RemovePendingLocked(response.SequenceNumber);
        }

        if (pending is null)
        {
            SmppLog.UnmatchedResponse(_logger, Id, response.CommandId, response.SequenceNumber);
            return;
        }

        var requestId = pending.CommandId;
        var sequenceNumber = pending.SequenceNumber;
        ReleaseSlot(pending.UsesWindow);
        if (response.CommandId != CommandId.GenericNack && response.CommandId != requestId.ResponseId())
        {
            pending.Fail(new SmppException($"{requestId} (sequence {sequenceNumber}) was answered with {response.CommandId}."));
            return;
        }

        pending.Complete(response);
        if (requestId == CommandId.Unbind)
        {
            // unbind_resp ends the session (section 4.2.2); what follows on the stream is of no interest.
            BeginClose(SmppCloseReason.Unbound);
        }
    }

    /// <summary>Fails the request whose response arrived with a body that does not decode.</summary>
    private void OnMalformedResponse(PduHeader header, CommandStatus error)
    {
        PendingRequest? pending;
        lock (_sync)
        {
            pending = RemovePendingLocked(header.SequenceNumber);
        }

        if (pending is null)
        {
            return;
        }

        var requestId = pending.CommandId;
        ReleaseSlot(pending.UsesWindow);
        pending.Fail(new SmppException($"{requestId} (sequence {header.SequenceNumber}) was answered with a malformed {header.CommandId}: {error}.", error));
    }

    private PendingRequest? RemovePendingLocked(uint sequenceNumber)
    {
        if (!_pending.Remove(sequenceNumber, out var pending))
        {
            return null;
        }

        if (_pending.Count == 0)
        {
            ReleaseIdleWaiterLocked();
        }

        return pending;
    }

    private Exception? CheckCanSendLocked(CommandId id)
    {
        if (_state == SmppSessionState.Closed || (_state == SmppSessionState.Unbinding && id != CommandId.Unbind))
        {
            return LinkDown(id);
        }

        var status = BindStateRules.CheckOutgoing(Role, _state, id);
        return status == CommandStatus.Ok ? null : new SmppException($"{id} cannot be sent in state {_state}.", status);
    }

    private SmppLinkDownException LinkDown(CommandId id) =>
        _state == SmppSessionState.Unbinding
            ? new SmppLinkDownException($"The session is unbinding; {id} was not sent.", SmppCloseReason.Unbound)
            : new SmppLinkDownException($"The session is closed ({_closeReason}); {id} was not sent.", _closeReason);

    private uint NextSequenceNumberLocked()
    {
        do
        {
            _lastSequenceNumber = _lastSequenceNumber >= MaxSequenceNumber ? 1 : _lastSequenceNumber + 1;
        }
        while (_pending.ContainsKey(_lastSequenceNumber));

        return _lastSequenceNumber;
    }

    private void ReleaseSlot(bool usesWindow)
    {
        if (usesWindow)
        {
            _window.Release();
        }
    }

    private long TimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void NotifyBound()
    {
        try
        {
            _owner.OnBound(this);
        }
#pragma warning disable CA1031 // The owner's code must not break the read loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.NotificationFailed(_logger, ex, Id);
        }
    }
}
