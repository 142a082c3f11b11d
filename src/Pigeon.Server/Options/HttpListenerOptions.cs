namespace Pigeon.Server.Options;

/// <summary>The HTTP listener (health, metrics; the APIs later).</summary>
public sealed class HttpListenerOptions
{
    public string Host { get; set; } = "0.0.0.0";

    public int Port { get; set; } = 8080;
}
