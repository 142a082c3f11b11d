using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>
/// No response arrived for a request within the response time-out. The message is a breadcrumb of the session
/// at that moment (what else was outstanding, when the peer was last heard) so a hang can be diagnosed from a log.
/// </summary>
public sealed class SmppResponseTimeoutException : SmppException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SmppResponseTimeoutException()
        : base("No response arrived in time.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SmppResponseTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public SmppResponseTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for the request that timed out.</summary>
    public SmppResponseTimeoutException(string message, CommandId commandId, uint sequenceNumber, TimeSpan timeout)
        : base(message)
    {
        CommandId = commandId;
        SequenceNumber = sequenceNumber;
        Timeout = timeout;
    }

    /// <summary>The command of the request that went unanswered.</summary>
    public CommandId CommandId { get; }

    /// <summary>Its sequence number.</summary>
    public uint SequenceNumber { get; }

    /// <summary>The time-out that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
