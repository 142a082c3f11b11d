using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// Settings every SMPP session shares, whichever side it is on: windows, time-outs and keep-alive.
/// <see cref="Server.SmppServerOptions"/> and <see cref="Client.SmppClientOptions"/> add their own.
/// </summary>
public class SmppSessionOptions
{
    /// <summary>Most requests this side may have sent and not yet seen answered; senders wait for a slot.</summary>
    public int WindowSize { get; set; } = 64;

    /// <summary>
    /// Most requests from the peer being handled at once. A request beyond it is answered at once with
    /// <see cref="IncomingWindowExceededStatus"/> instead of being buffered.
    /// </summary>
    public int IncomingWindowSize { get; set; } = 64;

    /// <summary>The status that answers a request beyond the incoming window; ESME_RTHROTTLED by default.</summary>
    public CommandStatus IncomingWindowExceededStatus { get; set; } = CommandStatus.Throttled;

    /// <summary>How long a request waits for its response before it fails with a time-out.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this long without reading anything from the peer, an enquire_link is sent.
    /// <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> turns keep-alive off.
    /// </summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An enquire_link not answered within this time marks the peer dead and closes the session.</summary>
    public TimeSpan EnquireLinkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an SMSC-side session waits for the first bind before closing the connection.</summary>
    public TimeSpan BindTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bound on a graceful unbind: outstanding requests get this long to complete, and the unbind_resp as long
    /// again; bytes still queued for sending get this long to drain when the session closes.
    /// </summary>
    public TimeSpan UnbindTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest command_length accepted from the peer; a larger one closes the session.</summary>
    public int MaxCommandLength { get; set; } = SmppFrameReader.DefaultMaxCommandLength;

    /// <summary>Throws if a setting is out of range.</summary>
    internal virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowSize, 1, nameof(WindowSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(IncomingWindowSize, 1, nameof(IncomingWindowSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCommandLength, 16, nameof(MaxCommandLength));
        RequirePositive(ResponseTimeout, nameof(ResponseTimeout));
        RequirePositive(EnquireLinkTimeout, nameof(EnquireLinkTimeout));
        RequirePositive(BindTimeout, nameof(BindTimeout));
        RequirePositive(UnbindTimeout, nameof(UnbindTimeout));
        if (EnquireLinkInterval < TimeSpan.Zero && EnquireLinkInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(EnquireLinkInterval), EnquireLinkInterval, "Must be positive, zero or infinite.");
        }
    }

    /// <summary>True when idle keep-alive is on.</summary>
    internal bool KeepAliveEnabled => EnquireLinkInterval > TimeSpan.Zero;

    private protected static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }
}
