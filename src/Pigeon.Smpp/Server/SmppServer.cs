using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Server;

/// <summary>
/// An SMPP server (the SMSC end): listens on TCP, optionally with TLS, runs one session per connection with the
/// application's <see cref="ISmppServerHandler"/>, enforces <see cref="SmppServerOptions.MaxSessions"/>, and shuts
/// down by unbinding every session.
/// </summary>
public sealed class SmppServer : IAsyncDisposable
{
    private readonly SmppServerOptions _options;
    private readonly ISmppServerHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, SmppServerSession> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private IPEndPoint? _localEndPoint;
    private int _boundSessions;
    private int _waitingConnections;
    private int _stopped;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    public SmppServer(SmppServerOptions options, ISmppServerHandler handler, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        _options = options;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The address and port listened on, with the real port when the options asked for port 0.</summary>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>The sessions currently open, bound or not.</summary>
    public IReadOnlyCollection<SmppServerSession> Sessions => [.. _sessions.Values];

    /// <summary>How many sessions are open, bound or not.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>How many sessions are bound.</summary>
    public int BoundSessionCount => Volatile.Read(ref _boundSessions);

    /// <summary>Binds the listening socket and starts accepting connections.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) != 0, this);
        var listener = new Socket(_options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.NoDelay = true;
            listener.Bind(_options.EndPoint);
            listener.Listen(_options.Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _localEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        SmppLog.ServerListening(_logger, _localEndPoint, _options.Certificate is not null);
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, unbinds every session (each bounded by the unbind time-out) and closes whatever is left
    /// when <see cref="SmppServerOptions.ShutdownTimeout"/> or <paramref name="cancellationToken"/> runs out.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.ShutdownTimeout);
        var unbinding = _sessions.Values.Select(session => UnbindOrCloseAsync(session, deadline.Token));
        await Task.WhenAll(unbinding);
        SmppLog.ServerStopped(_logger, _localEndPoint);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    /// <summary>Runs a session over an already-connected transport (in-memory pipes in tests).</summary>
    internal SmppServerSession Attach(SmppTransport transport)
    {
        var session = new SmppServerSession(this, _handler, transport, _options, _time, _logger);
        Interlocked.Increment(ref _waitingConnections);
        _sessions[session.Id] = session;
        session.Start();
        if (Volatile.Read(ref _stopped) != 0)
        {
            _ = session.CloseAsync().AsTask();
        }

        return session;
    }

    internal bool TryTakeBoundSlot()
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref _boundSessions) <= _options.MaxSessions)
        {
            return true;
        }

        Interlocked.Decrement(ref _boundSessions);
        return false;
    }

    internal void ReleaseBoundSlot() => Interlocked.Decrement(ref _boundSessions);

    internal void OnSessionBound() => Interlocked.Decrement(ref _waitingConnections);

    internal void OnSessionClosed(SmppServerSession session, bool wasBound)
    {
        _sessions.TryRemove(session.Id, out _);
        if (!wasBound)
        {
            Interlocked.Decrement(ref _waitingConnections);
        }
    }

    private static async Task UnbindOrCloseAsync(SmppServerSession session, CancellationToken deadline)
    {
        try
        {
            await session.UnbindAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            await session.CloseAsync();
        }
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                || (ex is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException ex)
            {
                // A connection reset before it was accepted: the listener itself is fine.
                SmppLog.AcceptFailed(_logger, ex);
                continue;
            }

            _ = AcceptConnectionAsync(socket, stopping);
        }
    }

    private async Task AcceptConnectionAsync(Socket socket, CancellationToken stopping)
    {
        EndPoint? remote = null;
        Stream? stream = null;
        try
        {
            remote = socket.RemoteEndPoint;
            socket.NoDelay = true;
            if (Volatile.Read(ref _waitingConnections) >= _options.MaxSessions)
            {
                // Connections that have not bound yet are capped too, or idle sockets could exhaust memory.
                socket.Dispose();
                return;
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            if (_options.Certificate is { } certificate)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                handshake.CancelAfter(_options.TlsHandshakeTimeout);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, handshake.Token);
            }

            Attach(SmppTransport.FromStream(stream, remote));
        }
#pragma warning disable CA1031 // A connection that fails to set up is dropped; the accept loop carries on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SmppLog.TlsHandshakeFailed(_logger, ex, remote);
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
            else
            {
                socket.Dispose();
            }
        }
    }
}
