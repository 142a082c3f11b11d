using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Server.Options;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// The SMPP server customers bind to. Started last, so nothing is accepted before storage and dispatch run; stopped
/// first, so on shutdown no new submit comes in while the rest drains (bound customers are unbound).
/// </summary>
internal sealed class SmppListenerService : IHostedService, IAsyncDisposable
{
    private readonly SmppListenerOptions _options;
    private readonly CustomerSmppFront _front;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private SmppServer? _server;

    public SmppListenerService(IOptions<PigeonOptions> options, CustomerSmppFront front, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options.Value.Smpp;
        _front = front;
        _loggerFactory = loggerFactory;
        _time = timeProvider;
    }

    /// <summary>Where it listens; null when not listening.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new SmppServerOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Parse(_options.Host), _options.Port),
            SystemId = "pigeon",
            MaxSessions = _options.MaxSessions,
            WindowSize = _options.Window,
            IncomingWindowSize = _options.Window,
            Certificate = _options.TlsCertificatePath is { } path
                ? X509CertificateLoader.LoadPkcs12FromFile(path, _options.TlsCertificatePassword)
                : null,
        };
        var server = new SmppServer(options, _front, _loggerFactory.CreateLogger<SmppServer>(), _time);
        await server.StartAsync(cancellationToken);
        _server = server;
        LocalEndPoint = server.LocalEndPoint;
        GatewayLog.SmppListening(_loggerFactory.CreateLogger<SmppListenerService>(), server.LocalEndPoint.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LocalEndPoint = null;
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.StopAsync(cancellationToken);
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
