using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Sessions;

/// <summary>The SMSC refused the bind; <see cref="SmppException.Status"/> is the status of its bind response.</summary>
public sealed class SmppBindException : SmppException
{
    /// <summary>Creates an exception with no status.</summary>
    public SmppBindException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SmppBindException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public SmppBindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a bind answered with <paramref name="status"/>.</summary>
    public SmppBindException(string message, CommandStatus status)
        : base(message, status)
    {
    }
}
