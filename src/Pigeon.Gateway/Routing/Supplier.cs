namespace Pigeon.Gateway.Routing;

/// <summary>
/// A supplier SMSC Pigeon binds to. Its password must be sent in clear at bind, so unlike customers' secrets it is
/// stored as given; it is never logged or shown after creation.
/// </summary>
public sealed record Supplier
{
    public required long Id { get; init; }

    /// <summary>Unique name operators use (e.g. "sim").</summary>
    public required string Name { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string SystemId { get; init; }

    public required string Password { get; init; }

    public string SystemType { get; init; } = string.Empty;

    /// <summary>Transceiver binds to hold open.</summary>
    public int Binds { get; init; } = 1;

    /// <summary>Outstanding submit_sm per bind.</summary>
    public int Window { get; init; } = 64;

    /// <summary>Submits per second over all binds; 0 for no cap.</summary>
    public int Tps { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Administratively up: binds are held open. Down: binds are closed (admin_down).</summary>
    public bool AdminUp { get; init; } = true;

    /// <summary>Submits are held back while binds stay open (suspend_submit); receipts still flow.</summary>
    public bool SubmitSuspended { get; init; }
}
