namespace Pigeon.Bench;

/// <summary>What `pigeon bench smpp` sends and where.</summary>
internal sealed record LoadOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 2775;

    public string SystemId { get; init; } = "bench";

    public string Password { get; init; } = "bench";

    public int Binds { get; init; } = 1;

    public int Window { get; init; } = 64;

    public long Count { get; init; } = 10_000;

    public string Text { get; init; } = "Hello from pigeon bench, a short GSM text.";

    public bool Unicode { get; init; }

    /// <summary>False with --no-receipts: registered_delivery 0 and no waiting.</summary>
    public bool Receipts { get; init; } = true;

    /// <summary>How long to wait for missing receipts once no new one has come.</summary>
    public TimeSpan ReceiptIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string Source { get; init; } = "Pigeon";

    /// <summary>Destinations are this prefix followed by a running number.</summary>
    public string DestinationPrefix { get; init; } = "4479";

    /// <summary>Submits per second to aim for over all binds (0: as fast as the windows allow).</summary>
    public int Rate { get; init; }
}
