using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Server;

/// <summary>
/// One ESME connected to an <see cref="SmppServer"/>. Besides answering the ESME through the server's handler,
/// the application can send it requests (deliver_sm receipts and mobile-originated messages, data_sm,
/// alert_notification) over the same window as any sender.
/// </summary>
public sealed class SmppServerSession : ISmppSessionOwner, IAsyncDisposable
{
    private readonly SmppServer _server;
    private readonly ISmppServerHandler _handler;
    private readonly SmppSession _session;
    private readonly ILogger _logger;
    private int _holdsBoundSlot;
    private int _wasBound;

    internal SmppServerSession(SmppServer server, ISmppServerHandler handler, SmppTransport transport, SmppServerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _server = server;
        _handler = handler;
        _logger = logger;
        _session = new SmppSession(transport, SmppRole.Smsc, options, this, options.SystemId, timeProvider, logger);
    }

    /// <summary>A process-wide number that also appears in log messages.</summary>
    public long Id => _session.Id;

    /// <summary>The current state.</summary>
    public SmppSessionState State => _session.State;

    /// <summary>Why the session closed; <see cref="SmppCloseReason.None"/> while open.</summary>
    public SmppCloseReason CloseReason => _session.CloseReason;

    /// <summary>The ESME's system_id once bound; empty before.</summary>
    public string SystemId => _session.PeerSystemId;

    /// <summary>The ESME's system_type once bound.</summary>
    public string SystemType => _session.PeerSystemType;

    /// <summary>How the ESME bound; null before.</summary>
    public BindMode? BindMode => _session.BindMode;

    /// <summary>The interface_version of the ESME's bind; null before.</summary>
    public byte? InterfaceVersion => _session.PeerInterfaceVersion;

    /// <summary>The ESME's address; null for in-memory transports.</summary>
    public EndPoint? RemoteEndPoint => _session.RemoteEndPoint;

    /// <summary>Requests sent to the ESME and not yet answered.</summary>
    public int OutstandingRequests => _session.OutstandingRequests;

    /// <summary>Completes when the session has closed.</summary>
    public Task Completion => _session.Completion;

    internal SmppSession Session => _session;

    /// <summary>
    /// Sends a request to the ESME (deliver_sm, data_sm) and completes with its response, generic_nack included.
    /// Waits for a window slot when <see cref="Sessions.SmppSessionOptions.WindowSize"/> requests are outstanding.
    /// </summary>
    public ValueTask<ResponsePdu> SendAsync(RequestPdu request, CancellationToken cancellationToken = default) =>
        _session.SendAsync(request, cancellationToken);

    /// <summary>Sends a request and completes with its typed response; a generic_nack arrives as that type with the nack's status.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse> SendAsync<TResponse>(RequestPdu request, CancellationToken cancellationToken = default)
        where TResponse : ResponsePdu
    {
        var response = await _session.SendAsync(request, cancellationToken);
        return TypedResponse.As<TResponse>(request, response);
    }

    /// <summary>Sends a request that has no response, such as alert_notification (section 4.12).</summary>
    public ValueTask SendOneWayAsync(RequestPdu request, CancellationToken cancellationToken = default) =>
        _session.SendOneWayAsync(request, cancellationToken);

    /// <summary>Unbinds gracefully and closes; see <see cref="Sessions.SmppSessionOptions.UnbindTimeout"/>.</summary>
    public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => _session.UnbindAsync(cancellationToken);

    /// <summary>Closes at once without unbinding.</summary>
    public ValueTask CloseAsync() => _session.CloseAsync();

    /// <summary>Closes at once without unbinding, like <see cref="CloseAsync"/>.</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"session {Id} '{SystemId}' {State} {RemoteEndPoint}";

    internal void Start() => _session.Start();

    async ValueTask<CommandStatus> ISmppSessionOwner.AuthenticateAsync(SmppSession session, BindRequest bind, CancellationToken cancellationToken)
    {
        if (!_server.TryTakeBoundSlot())
        {
            SmppLog.SessionLimitReached(_logger, bind.SystemId, RemoteEndPoint, _server.SessionCount);
            return CommandStatus.BindFailed;
        }

        Volatile.Write(ref _holdsBoundSlot, 1);
        var status = await _handler.AuthenticateAsync(this, bind, cancellationToken);
        if (status != CommandStatus.Ok)
        {
            ReleaseBoundSlot();
        }

        return status;
    }

    ValueTask<ResponsePdu?> ISmppSessionOwner.HandleAsync(SmppSession session, RequestPdu request, CancellationToken cancellationToken) =>
        _handler.HandleAsync(this, request, cancellationToken);

    void ISmppSessionOwner.OnBound(SmppSession session)
    {
        Volatile.Write(ref _wasBound, 1);
        _server.OnSessionBound();
        _handler.OnSessionBound(this);
    }

    void ISmppSessionOwner.OnClosed(SmppSession session)
    {
        ReleaseBoundSlot();
        _server.OnSessionClosed(this, Volatile.Read(ref _wasBound) == 1);
        _handler.OnSessionClosed(this);
    }

    private bool ReleaseBoundSlot()
    {
        if (Interlocked.Exchange(ref _holdsBoundSlot, 0) == 0)
        {
            return false;
        }

        _server.ReleaseBoundSlot();
        return true;
    }
}
