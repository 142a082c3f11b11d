namespace Pigeon.Server.Options;

/// <summary>The SMPP server customers bind to.</summary>
public sealed class SmppListenerOptions
{
    public string Host { get; set; } = "0.0.0.0";

    public int Port { get; set; } = 2775;

    /// <summary>Most concurrent sessions over all accounts.</summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>Outstanding requests each way per session.</summary>
    public int Window { get; set; } = 64;

    /// <summary>A PFX certificate to serve SMPP over TLS; none serves plain TCP.</summary>
    public string? TlsCertificatePath { get; set; }

    public string? TlsCertificatePassword { get; set; }
}
