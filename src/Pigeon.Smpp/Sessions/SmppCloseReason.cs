namespace Pigeon.Smpp.Sessions;

/// <summary>Why a session ended.</summary>
public enum SmppCloseReason
{
    /// <summary>The session is still open.</summary>
    None,

    /// <summary>This side sent unbind (or closed) on request of the application.</summary>
    Unbound,

    /// <summary>The peer sent unbind; it was answered with unbind_resp.</summary>
    PeerUnbound,

    /// <summary>The peer closed the connection or the stream failed.</summary>
    ConnectionLost,

    /// <summary>No enquire_link_resp arrived within the enquire-link time-out.</summary>
    DeadPeer,

    /// <summary>The peer sent a frame whose command_length makes the stream unrecoverable.</summary>
    ProtocolError,

    /// <summary>The bind was refused (wrong credentials, too many sessions, unsupported version).</summary>
    BindRejected,

    /// <summary>The peer did not bind within the bind time-out.</summary>
    BindTimeout,

    /// <summary>The session was aborted without an unbind exchange.</summary>
    Aborted,
}
