using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>A failure of the SMPP session layer; <see cref="Status"/> carries the protocol status when there is one.</summary>
public class SmppException : Exception
{
    /// <summary>Creates an exception with no status.</summary>
    public SmppException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SmppException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public SmppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying a protocol status.</summary>
    public SmppException(string message, CommandStatus status)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The protocol status behind the failure, if any.</summary>
    public CommandStatus? Status { get; }
}
