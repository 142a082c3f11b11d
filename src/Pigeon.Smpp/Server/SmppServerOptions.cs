using System.Net;
using System.Security.Cryptography.X509Certificates;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Server;

/// <summary>Settings of an <see cref="SmppServer"/>; the session settings it inherits apply to every session.</summary>
public sealed class SmppServerOptions : SmppSessionOptions
{
    /// <summary>The SMPP port registered with IANA.</summary>
    public const int DefaultPort = 2775;

    /// <summary>Where to listen. Port 0 picks a free port; read it from <see cref="SmppServer.LocalEndPoint"/>.</summary>
    public IPEndPoint EndPoint { get; set; } = new(IPAddress.Any, DefaultPort);

    /// <summary>The system_id this SMSC gives in bind responses (at most 15 characters).</summary>
    public string SystemId { get; set; } = "pigeon";

    /// <summary>
    /// Most bound sessions at once; a bind beyond it is answered ESME_RBINDFAIL and the connection closed. As many
    /// connections again may wait to bind; beyond that a new connection is closed at once.
    /// </summary>
    public int MaxSessions { get; set; } = 100;

    /// <summary>A certificate with its private key turns TLS on; null serves plain TCP.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>How long a TLS handshake may take.</summary>
    public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on <see cref="SmppServer.StopAsync"/>: sessions not unbound by then are closed.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The listen backlog.</summary>
    public int Backlog { get; set; } = 512;

    /// <inheritdoc />
    internal override void Validate()
    {
        base.Validate();
        ArgumentNullException.ThrowIfNull(EndPoint, nameof(EndPoint));
        ArgumentNullException.ThrowIfNull(SystemId, nameof(SystemId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SystemId.Length, 15, nameof(SystemId));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSessions, 1, nameof(MaxSessions));
        ArgumentOutOfRangeException.ThrowIfLessThan(Backlog, 1, nameof(Backlog));
        RequirePositive(TlsHandshakeTimeout, nameof(TlsHandshakeTimeout));
        RequirePositive(ShutdownTimeout, nameof(ShutdownTimeout));
    }
}
