using System.Net.Security;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Sessions;

namespace Pigeon.Smpp.Client;

/// <summary>Settings of an <see cref="SmppClient"/>: where to connect, how to bind, and how to recover.</summary>
public sealed class SmppClientOptions : SmppSessionOptions
{
    /// <summary>The SMSC's host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The SMSC's port.</summary>
    public int Port { get; set; } = 2775;

    /// <summary>system_id to bind with (at most 15 characters).</summary>
    public string SystemId { get; set; } = string.Empty;

    /// <summary>password to bind with (at most 8 characters). Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>system_type to bind with (at most 12 characters), often empty.</summary>
    public string SystemType { get; set; } = string.Empty;

    /// <summary>Transmitter, receiver or transceiver.</summary>
    public BindMode BindMode { get; set; } = BindMode.Transceiver;

    /// <summary>interface_version sent in the bind; 0x34 for v3.4.</summary>
    public byte InterfaceVersion { get; set; } = 0x34;

    /// <summary>addr_ton of the bind's address_range.</summary>
    public TypeOfNumber AddressTon { get; set; }

    /// <summary>addr_npi of the bind's address_range.</summary>
    public NumberingPlan AddressNpi { get; set; }

    /// <summary>address_range of the bind, often empty.</summary>
    public string AddressRange { get; set; } = string.Empty;

    /// <summary>How long connecting (and the TLS handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reconnect and rebind when the link drops after <see cref="SmppClient.ConnectAsync"/> succeeded.</summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>The first delay before reconnecting; it doubles per failed attempt.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between reconnection attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wrap the connection in TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the server certificate must carry; <see cref="Host"/> when null.</summary>
    public string? TlsTargetHost { get; set; }

    /// <summary>Decides whether the server certificate is trusted; null uses the platform's validation.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; set; }

    /// <summary>
    /// How many times a request answered ESME_RTHROTTLED or ESME_RMSGQFUL is sent again after backing off;
    /// 0 turns retries off, and the throttling response is returned to the caller.
    /// </summary>
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>The first back-off after a throttling response; it doubles while throttling continues.</summary>
    public TimeSpan ThrottleBackoffMin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest back-off after a throttling response.</summary>
    public TimeSpan ThrottleBackoffMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    internal override void Validate()
    {
        base.Validate();
        ArgumentException.ThrowIfNullOrEmpty(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 0, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentNullException.ThrowIfNull(SystemId, nameof(SystemId));
        ArgumentNullException.ThrowIfNull(Password, nameof(Password));
        ArgumentNullException.ThrowIfNull(SystemType, nameof(SystemType));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SystemId.Length, 15, nameof(SystemId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Password.Length, 8, nameof(Password));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SystemType.Length, 12, nameof(SystemType));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxThrottleRetries, nameof(MaxThrottleRetries));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(ReconnectDelayMin, nameof(ReconnectDelayMin));
        RequirePositive(ThrottleBackoffMin, nameof(ThrottleBackoffMin));
        if (ReconnectDelayMax < ReconnectDelayMin)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectDelayMax), ReconnectDelayMax, "Must not be below ReconnectDelayMin.");
        }

        if (ThrottleBackoffMax < ThrottleBackoffMin)
        {
            throw new ArgumentOutOfRangeException(nameof(ThrottleBackoffMax), ThrottleBackoffMax, "Must not be below ThrottleBackoffMin.");
        }
    }
}
