namespace Pigeon.Server.Options;

/// <summary>The HTTP listener (the APIs, docs, health, metrics) and the limits every HTTP front end enforces at the edge.</summary>
public sealed class HttpListenerOptions
{
    public string Host { get; set; } = "0.0.0.0";

    public int Port { get; set; } = 8080;

    /// <summary>The largest request body taken; a larger one is answered 413 before it is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests each API key may make per second, sustained; more are answered 429 with Retry-After.</summary>
    public int RequestsPerSecondPerKey { get; set; } = 1000;

    /// <summary>Requests an API key may make at once above its sustained rate.</summary>
    public int RequestBurstPerKey { get; set; } = 2000;
}
