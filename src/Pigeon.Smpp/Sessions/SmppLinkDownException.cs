namespace Pigeon.Smpp.Sessions;

/// <summary>
/// The session closed (or was unbinding) before the request could be answered. The request may or may not have
/// reached the peer; callers that need it delivered can send it again once the link is back.
/// </summary>
public sealed class SmppLinkDownException : SmppException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SmppLinkDownException()
        : base("The SMPP link is down.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SmppLinkDownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public SmppLinkDownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a session that ended for <paramref name="reason"/>.</summary>
    public SmppLinkDownException(string message, SmppCloseReason reason)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the session ended.</summary>
    public SmppCloseReason Reason { get; }
}
