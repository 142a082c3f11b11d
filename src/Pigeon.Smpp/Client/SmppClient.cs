using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Client;

/// <summary>
/// An SMPP client (the ESME end): connects, binds, keeps the link alive, and sends requests with
/// <c>await client.SubmitAsync(submit)</c>. When the link drops it reconnects and rebinds with exponential
/// back-off; requests that were outstanding fail with <see cref="SmppLinkDownException"/>, and new ones wait (up to
/// the response time-out) for the link to come back. Requests answered ESME_RTHROTTLED or ESME_RMSGQFUL are sent
/// again after a back-off that every later request also honours, so the client as a whole slows down.
/// </summary>
public sealed class SmppClient : IAsyncDisposable, ISmppSessionOwner
{
    private readonly SmppClientOptions _options;
    private readonly SmppRequestHandler? _requestHandler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ISmppConnector _connector;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly ThrottleGate _throttle;
    private SmppSession? _session;
    private TaskCompletionSource _linkUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SmppCloseReason? _linkGoneFor;
    private Task? _supervisor;
    private int _connectStarted;
    private int _disposed;
    private int _bindCount;

    /// <summary>Creates a client; nothing connects until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Where and how to bind.</param>
    /// <param name="requestHandler">Answers deliver_sm and data_sm from the SMSC; null answers them all Ok.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="timeProvider">Clock for every time-out and back-off; the system clock by default.</param>
    public SmppClient(SmppClientOptions options, SmppRequestHandler? requestHandler = null, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(options, requestHandler, logger, timeProvider, connector: null)
    {
    }

    internal SmppClient(SmppClientOptions options, SmppRequestHandler? requestHandler, ILogger? logger, TimeProvider? timeProvider, ISmppConnector? connector)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _requestHandler = requestHandler;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _connector = connector ?? new TcpSmppConnector(options);
        _throttle = new ThrottleGate(_time, options.ThrottleBackoffMin, options.ThrottleBackoffMax);
    }

    /// <summary>The state of the current session; <see cref="SmppSessionState.Closed"/> while disconnected.</summary>
    public SmppSessionState State => Volatile.Read(ref _session)?.State ?? SmppSessionState.Closed;

    /// <summary>True while bound.</summary>
    public bool IsBound => BindStateRules.IsBound(State);

    /// <summary>The SMSC's system_id from the last bind response.</summary>
    public string ServerSystemId => Volatile.Read(ref _session)?.PeerSystemId ?? string.Empty;

    /// <summary>The sc_interface_version the SMSC announced, if any.</summary>
    public byte? ServerInterfaceVersion => Volatile.Read(ref _session)?.PeerInterfaceVersion;

    /// <summary>Requests sent and not yet answered.</summary>
    public int OutstandingRequests => Volatile.Read(ref _session)?.OutstandingRequests ?? 0;

    /// <summary>How many times the client has bound: 1 after connecting, one more per reconnection.</summary>
    public int BindCount => Volatile.Read(ref _bindCount);

    /// <summary>
    /// Connects and binds. Throws <see cref="SmppBindException"/> carrying the SMSC's status when the bind is
    /// refused, or the socket, TLS or time-out exception when the connection fails; the client may be connected again
    /// after a failure.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _connectStarted, 1) != 0)
        {
            throw new InvalidOperationException("The client is already connected or connecting.");
        }

        SmppSession session;
        try
        {
            session = await OpenSessionAsync(cancellationToken);
        }
        catch
        {
            Volatile.Write(ref _connectStarted, 0);
            throw;
        }

        Publish(session);
        _supervisor = SuperviseAsync(session);
    }

    /// <summary>Submits a message and returns the SMSC's submit_sm_resp (check its <c>CommandStatus</c>).</summary>
    public ValueTask<SubmitSmResp> SubmitAsync(SubmitSm submit, CancellationToken cancellationToken = default) =>
        SendAsync<SubmitSmResp>(submit, cancellationToken);

    /// <summary>Sends a request and returns its typed response; a generic_nack arrives as that type with the nack's status.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse> SendAsync<TResponse>(RequestPdu request, CancellationToken cancellationToken = default)
        where TResponse : ResponsePdu
    {
        var response = await SendAsync(request, cancellationToken);
        return TypedResponse.As<TResponse>(request, response);
    }

    /// <summary>
    /// Sends a request and returns the response, generic_nack included, retrying throttling answers as configured.
    /// Throws <see cref="SmppLinkDownException"/> when the link drops first (or does not come back within the
    /// response time-out), <see cref="SmppResponseTimeoutException"/> when no answer comes in time.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ResponsePdu> SendAsync(RequestPdu request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var throttle = _throttle.WaitAsync(cancellationToken);
            if (!throttle.IsCompleted)
            {
                await throttle;
            }

            var sessionLookup = GetSessionAsync(cancellationToken);
            var session = sessionLookup.IsCompletedSuccessfully ? sessionLookup.Result : await sessionLookup;
            var response = await session.SendAsync(request, cancellationToken);
            if (!IsThrottling(response.CommandStatus))
            {
                _throttle.OnAccepted();
                return response;
            }

            if (attempt > _options.MaxThrottleRetries)
            {
                return response;
            }

            var delay = _throttle.OnThrottled();
            SmppLog.ClientThrottled(_logger, request.CommandId, response.CommandStatus, delay, attempt);
        }
    }

    /// <summary>Unbinds gracefully, stops reconnecting and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync();
        SmppSession? session;
        lock (_sync)
        {
            session = _session;
            _linkUp.TrySetResult();
        }

        if (session is not null)
        {
            await session.UnbindAsync();
        }

        if (_supervisor is not null)
        {
            await _supervisor;
        }

        _disposing.Dispose();
    }

    ValueTask<CommandStatus> ISmppSessionOwner.AuthenticateAsync(SmppSession session, BindRequest bind, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CommandStatus.InvalidBindStatus);

    ValueTask<ResponsePdu?> ISmppSessionOwner.HandleAsync(SmppSession session, RequestPdu request, CancellationToken cancellationToken) =>
        _requestHandler is null ? ValueTask.FromResult<ResponsePdu?>(null) : _requestHandler(request, cancellationToken);

    void ISmppSessionOwner.OnBound(SmppSession session)
    {
    }

    void ISmppSessionOwner.OnClosed(SmppSession session)
    {
        // Runs before the session's Completion: by the time anyone sees the close, waiters wait for the next link.
        lock (_sync)
        {
            if (!ReferenceEquals(_session, session))
            {
                return;
            }

            Volatile.Write(ref _session, null);
            if (_linkUp.Task.IsCompleted && _linkGoneFor is null && Volatile.Read(ref _disposed) == 0)
            {
                _linkUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task<SmppSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var transport = await _connector.ConnectAsync(cancellationToken);
        var session = new SmppSession(transport, SmppRole.Esme, _options, this, _options.SystemId, _time, _logger);
        session.Start();
        try
        {
            var response = await session.BindAsync(CreateBind(), cancellationToken);
            if (response.CommandStatus != CommandStatus.Ok)
            {
                throw new SmppBindException(
                    $"The SMSC at {_options.Host}:{_options.Port} refused the bind of '{_options.SystemId}' with {response.CommandStatus}.",
                    response.CommandStatus);
            }

            return session;
        }
        catch
        {
            await session.CloseAsync();
            throw;
        }
    }

    private BindRequest CreateBind()
    {
        BindRequest bind = _options.BindMode switch
        {
            BindMode.Transmitter => new BindTransmitter(),
            BindMode.Receiver => new BindReceiver(),
            _ => new BindTransceiver(),
        };
        bind.SystemId = _options.SystemId;
        bind.Password = _options.Password;
        bind.SystemType = _options.SystemType;
        bind.InterfaceVersion = _options.InterfaceVersion;
        bind.AddressTon = _options.AddressTon;
        bind.AddressNpi = _options.AddressNpi;
        bind.AddressRange = _options.AddressRange;
        return bind;
    }

    private void Publish(SmppSession session)
    {
        lock (_sync)
        {
            Volatile.Write(ref _session, session);
            _linkUp.TrySetResult();
        }

        Interlocked.Increment(ref _bindCount);
        SmppLog.ClientBound(_logger, _options.Host, _options.Port, _options.SystemId, session.State);
    }

    /// <summary>Waits for each session to end and, unless disposing or told not to, opens the next one.</summary>
    private async Task SuperviseAsync(SmppSession session)
    {
        var stopping = _disposing.Token;
        while (true)
        {
            await session.Completion;
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (!_options.AutoReconnect)
            {
                lock (_sync)
                {
                    // Wakes the waiters, who find the link gone for good.
                    _linkGoneFor = session.CloseReason;
                    _linkUp.TrySetResult();
                }

                return;
            }

            SmppLog.ClientLinkLost(_logger, _options.Host, _options.Port, session.CloseReason);
            for (var attempt = 0; ; attempt++)
            {
                var delay = ExponentialBackoff.Delay(attempt, _options.ReconnectDelayMin, _options.ReconnectDelayMax, jitter: true);
                try
                {
                    await Task.Delay(delay, _time, stopping);
                    session = await OpenSessionAsync(stopping);
                    Publish(session);
                    break;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Any failure to reconnect is logged and retried; the supervisor must live on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    var next = ExponentialBackoff.Delay(attempt + 1, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                    SmppLog.ClientReconnectFailed(_logger, ex, _options.Host, _options.Port, attempt + 1, next);
                }
            }
        }
    }

    private ValueTask<SmppSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session);
        return session is not null && BindStateRules.IsBound(session.State)
            ? ValueTask.FromResult(session)
            : WaitForSessionAsync(cancellationToken);
    }

    private async ValueTask<SmppSession> WaitForSessionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _connectStarted) == 0)
        {
            throw new InvalidOperationException("Call ConnectAsync first.");
        }

        var deadline = _time.GetTimestamp() + (long)(_options.ResponseTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            SmppSession? session;
            Task linkUp;
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                if (_linkGoneFor is { } reason)
                {
                    throw new SmppLinkDownException($"The link to {_options.Host}:{_options.Port} is down ({reason}) and reconnecting is off.", reason);
                }

                session = _session;
                linkUp = _linkUp.Task;
            }

            if (session is not null && BindStateRules.IsBound(session.State))
            {
                return session;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                throw new SmppLinkDownException($"No link to {_options.Host}:{_options.Port} came up within {_options.ResponseTimeout}.");
            }

            try
            {
                // A session still closing must finish (and reset the link signal) before the next look.
                await (session is null ? linkUp : session.Completion).WaitAsync(remaining, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new SmppLinkDownException($"No link to {_options.Host}:{_options.Port} came up within {_options.ResponseTimeout}.");
            }
        }
    }

    private static bool IsThrottling(CommandStatus status) =>
        status is CommandStatus.Throttled or CommandStatus.MessageQueueFull;
}
