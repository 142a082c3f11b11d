using System.Buffers;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>The receiving half: framing, decoding, the bind state machine and dispatch to the owner.</summary>
internal sealed partial class SmppSession
{
    /// <summary>
    /// Reads until the stream ends, fails or the session closes. Every whole frame in a read is handled before the
    /// buffer is advanced; a frame cut across reads waits for the rest. Never throws.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        var input = _transport.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                var consumed = buffer.Start;
                var stop = result.IsCanceled;
                try
                {
                    if (!stop)
                    {
                        Volatile.Write(ref _lastReadTimestamp, _time.GetTimestamp());
                        while (_state != SmppSessionState.Closed)
                        {
                            var status = SmppFrameReader.TryReadFrame(ref buffer, _options.MaxCommandLength, out var header, out var frame);
                            if (status == FrameStatus.Incomplete)
                            {
                                break;
                            }

                            if (status == FrameStatus.InvalidLength)
                            {
                                OnInvalidLength(header, buffer);
                                stop = true;
                                break;
                            }

                            consumed = buffer.Start;
                            var dispatch = DispatchFrame(frame);
                            if (!dispatch.IsCompletedSuccessfully)
                            {
                                await dispatch;
                            }
                        }

                        stop |= result.IsCompleted || _state == SmppSessionState.Closed;
                    }
                }
                finally
                {
                    input.AdvanceTo(consumed, result.Buffer.End);
                }

                if (stop)
                {
                    return;
                }

                // Backpressure: a peer that sends without reading our answers stops being read.
                var room = _outbox.WaitForRoomAsync();
                if (!room.IsCompleted)
                {
                    await room;
                }
            }
        }
#pragma warning disable CA1031 // The read loop is the top of its task: any failure of the stream ends only this session.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.TransportFailed(_logger, ex, Id);
        }
    }

    private ValueTask DispatchFrame(in ReadOnlySequence<byte> frame)
    {
        var decoded = PduDecoder.Decode(frame);
        switch (decoded.Pdu)
        {
            case ResponsePdu response:
                OnResponse(response);
                return ValueTask.CompletedTask;
            case RequestPdu request:
                return OnRequest(request);
            default:
                OnUndecodable(decoded);
                return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// command_length below 16 or above the maximum: the stream cannot be re-synchronised (section 3.1), so the
    /// frame is answered generic_nack ESME_RINVCMDLEN and the session closes.
    /// </summary>
    private void OnInvalidLength(PduHeader header, in ReadOnlySequence<byte> buffer)
    {
        var length = header.CommandLength;
        if (length == 0 && buffer.Length >= 4)
        {
            Span<byte> prefix = stackalloc byte[4];
            buffer.Slice(0, 4).CopyTo(prefix);
            length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(prefix);
        }

        SmppLog.InvalidCommandLength(_logger, Id, length, _options.MaxCommandLength);
        Reply(new GenericNack { SequenceNumber = header.SequenceNumber, CommandStatus = CommandStatus.InvalidCommandLength });
        BeginClose(SmppCloseReason.ProtocolError);
    }

    /// <summary>
    /// A frame that did not decode: an unknown command_id is answered generic_nack ESME_RINVCMDID (section 4.3.1)
    /// and the session carries on; a known request with a bad body gets its own response carrying the error; a
    /// bad response fails the request it answers.
    /// </summary>
    private void OnUndecodable(PduDecodeResult decoded)
    {
        var header = decoded.Header;
        if (decoded.Error == CommandStatus.InvalidCommandId)
        {
            SmppLog.UnknownCommandId(_logger, Id, (uint)header.CommandId, header.SequenceNumber);
            Reply(new GenericNack { SequenceNumber = header.SequenceNumber, CommandStatus = CommandStatus.InvalidCommandId });
            return;
        }

        SmppLog.MalformedPdu(_logger, Id, header.CommandId, header.SequenceNumber, decoded.Error);
        if (header.CommandId.IsResponse())
        {
            OnMalformedResponse(header, decoded.Error);
            return;
        }

        if (PduFactory.Create(header.CommandId) is RequestPdu request)
        {
            request.SequenceNumber = header.SequenceNumber;
            Reply(request.CreateResponse(decoded.Error));
            return;
        }

        Reply(new GenericNack { SequenceNumber = header.SequenceNumber, CommandStatus = decoded.Error });
    }

    private ValueTask OnRequest(RequestPdu request)
    {
        var id = request.CommandId;
        var state = _state;
        if (state == SmppSessionState.Unbinding && id != CommandId.Unbind)
        {
            // Our unbind is under way: what the peer sent before seeing it is still served as in the bound state,
            // rather than refused with a status the peer would take as a permanent failure.
            state = _boundState;
        }

        var status = BindStateRules.CheckIncoming(Role, state, id);
        if (status != CommandStatus.Ok)
        {
            SmppLog.RequestRefused(_logger, Id, id, request.SequenceNumber, status, state);
            Reply(request.CreateResponse(status));
            return ValueTask.CompletedTask;
        }

        switch (request)
        {
            case EnquireLink:
                Reply(request.CreateResponse());
                return ValueTask.CompletedTask;
            case Unbind:
                OnUnbindReceived(request);
                return ValueTask.CompletedTask;
            case BindRequest bind:
                return HandleBindAsync(bind);
            default:
                HandleApplicationRequest(request);
                return ValueTask.CompletedTask;
        }
    }

    /// <summary>The peer unbinds: answer unbind_resp, then close once it is sent (section 4.2).</summary>
    private void OnUnbindReceived(RequestPdu unbind)
    {
        lock (_sync)
        {
            _state = SmppSessionState.Unbinding;
        }

        Reply(unbind.CreateResponse());
        BeginClose(SmppCloseReason.PeerUnbound);
    }

    /// <summary>
    /// SMSC side: checks the interface version, lets the owner authenticate, answers the bind and moves to the
    /// bound state. The read loop waits for this, so nothing from the peer overtakes its bind. A refused bind
    /// closes the session once the response is sent.
    /// </summary>
    private async ValueTask HandleBindAsync(BindRequest bind)
    {
        CommandStatus status;
        if (!IsSupportedInterfaceVersion(bind.InterfaceVersion))
        {
            status = CommandStatus.BindFailed;
        }
        else
        {
            try
            {
                status = await _owner.AuthenticateAsync(this, bind, _lifetime.Token);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing authenticator refuses the bind; it must not kill the read loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SmppLog.HandlerFailed(_logger, ex, Id, bind.CommandId, bind.SequenceNumber);
                status = CommandStatus.SystemError;
            }
        }

        var response = (BindResponse)bind.CreateResponse(status);
        if (status != CommandStatus.Ok)
        {
            SmppLog.BindRefused(_logger, Id, bind.SystemId, RemoteEndPoint, status);
            Reply(response);
            BeginClose(SmppCloseReason.BindRejected);
            return;
        }

        response.SystemId = _localSystemId;
        if (bind.InterfaceVersion >= BindRequest.Version34)
        {
            // sc_interface_version (section 5.3.2.25): we speak v3.4 whatever newer version the ESME offers.
            response.ScInterfaceVersion = BindRequest.Version34;
        }

        SmppSessionState bound;
        lock (_sync)
        {
            if (_state != SmppSessionState.Open)
            {
                return;
            }

            bound = BindStateRules.BoundState(bind.Mode);
            _state = bound;
            _boundState = bound;
            BindMode = bind.Mode;
            PeerSystemId = bind.SystemId;
            PeerSystemType = bind.SystemType;
            PeerInterfaceVersion = bind.InterfaceVersion;
            _outbox.TryEnqueue(response);
        }

        _outbox.Wake();
        SmppLog.SessionBound(_logger, Id, bound, bind.SystemId, RemoteEndPoint);
        NotifyBound();
    }

    /// <summary>
    /// Hands a request to the owner. A handler that completes synchronously is answered inline (the common, fast
    /// case); an asynchronous one is awaited off the read loop and counts against the incoming window until it
    /// answers. Beyond the window the request is answered at once with the configured throttling status.
    /// </summary>
    private void HandleApplicationRequest(RequestPdu request)
    {
        if (Interlocked.Increment(ref _incomingInFlight) > _options.IncomingWindowSize)
        {
            Interlocked.Decrement(ref _incomingInFlight);
            var status = _options.IncomingWindowExceededStatus;
            SmppLog.RequestRefused(_logger, Id, request.CommandId, request.SequenceNumber, status, _state);
            if (!request.CommandId.ExpectsNoResponse())
            {
                Reply(request.CreateResponse(status));
            }

            return;
        }

        ValueTask<ResponsePdu?> handling;
        try
        {
            handling = _owner.HandleAsync(this, request, _lifetime.Token);
        }
#pragma warning disable CA1031 // The application's failure becomes ESME_RSYSERR for this request only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            handling = ValueTask.FromException<ResponsePdu?>(ex);
        }

        if (handling.IsCompleted)
        {
            CompleteRequest(request, handling);
        }
        else
        {
            _ = CompleteRequestLaterAsync(request, handling);
        }
    }

    private async Task CompleteRequestLaterAsync(RequestPdu request, ValueTask<ResponsePdu?> handling)
    {
        try
        {
            await handling;
        }
#pragma warning disable CA1031 // Observed and answered in CompleteRequest.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        CompleteRequest(request, handling);
    }

    private void CompleteRequest(RequestPdu request, ValueTask<ResponsePdu?> handled)
    {
        ResponsePdu? response;
        try
        {
            response = handled.Result;
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            response = null;
        }
#pragma warning disable CA1031 // The application's failure becomes ESME_RSYSERR for this request only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.HandlerFailed(_logger, ex, Id, request.CommandId, request.SequenceNumber);
            response = request.CreateResponse(CommandStatus.SystemError);
        }

        Interlocked.Decrement(ref _incomingInFlight);
        if (request.CommandId.ExpectsNoResponse() || _state == SmppSessionState.Closed)
        {
            return;
        }

        response ??= request.CreateResponse();
        response.SequenceNumber = request.SequenceNumber;
        Reply(response);
    }

    /// <summary>interface_version 0x00–0x34 (v3.4 and earlier, section 5.2.4) and 0x50 (v5.0) bind; v5 is answered as v3.4.</summary>
    private static bool IsSupportedInterfaceVersion(byte version) => version <= BindRequest.Version34 || version == 0x50;
}
