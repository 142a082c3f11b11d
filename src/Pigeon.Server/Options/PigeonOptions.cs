namespace Pigeon.Server.Options;

/// <summary>
/// The gateway's settings, bound from the "Pigeon" section of configuration (appsettings.json, PIGEON__… environment
/// variables, command-line flags) and validated at start by <see cref="PigeonOptionsValidator"/>.
/// </summary>
public sealed class PigeonOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pigeon";

    /// <summary>Where the SQLite database and the first-start credentials live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The database: empty for SQLite in <see cref="DataDirectory"/>, or a PostgreSQL URL
    /// (postgres://user:password@host:port/database) or Npgsql connection string.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>This node's number in message ids (0..1023); distinct per node in a cluster.</summary>
    public int NodeId { get; set; }

    public SmppListenerOptions Smpp { get; set; } = new();

    public HttpListenerOptions Http { get; set; } = new();

    public BuiltInSimulatorOptions Simulator { get; set; } = new();

    /// <summary>
    /// How suppliers are driven: response time-out, retry and throttle back-offs, temporary failures before failover,
    /// and so on (see <see cref="Gateway.Dispatch.DispatchOptions"/>), e.g. <c>PIGEON__Dispatch__ResponseTimeout=00:00:10</c>.
    /// </summary>
    public Gateway.Dispatch.DispatchOptions Dispatch { get; set; } = new() { ReconnectDelayMax = TimeSpan.FromSeconds(5) };

    /// <summary>MO from suppliers: how long a concatenated message waits for its missing parts.</summary>
    public MoOptions Mo { get; set; } = new();

    /// <summary>How webhooks are delivered: time-out, concurrency, retry timings (see <see cref="Webhooks.WebhookOptions"/>).</summary>
    public Webhooks.WebhookOptions Webhooks { get; set; } = new();

    /// <summary>The country of the demo customer made on first start (ISO 3166-1 alpha-2).</summary>
    public string FirstStartCountry { get; set; } = "GB";

    /// <summary>How often changes operators make in the store (accounts, routes, suppliers) are picked up.</summary>
    public TimeSpan ProvisioningRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receipt waits for its SMPP account to bind before it is dropped.</summary>
    public TimeSpan CustomerReceiptExpiry { get; set; } = TimeSpan.FromDays(3);
}
