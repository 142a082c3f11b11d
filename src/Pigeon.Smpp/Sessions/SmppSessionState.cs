namespace Pigeon.Smpp.Sessions;

/// <summary>
/// The states of an SMPP session (specification section 2.2). A session starts <see cref="Open"/> once the
/// connection is up, becomes bound by a successful bind, and ends <see cref="Closed"/>.
/// </summary>
public enum SmppSessionState
{
    /// <summary>OPEN: connected, not yet bound. Only bind and enquire_link are allowed.</summary>
    Open,

    /// <summary>BOUND_TX: the ESME may submit messages.</summary>
    BoundTransmitter,

    /// <summary>BOUND_RX: the SMSC may deliver messages and receipts to the ESME.</summary>
    BoundReceiver,

    /// <summary>BOUND_TRX: both directions.</summary>
    BoundTransceiver,

    /// <summary>UNBOUND: an unbind was sent or received; no new requests are accepted.</summary>
    Unbinding,

    /// <summary>CLOSED: the connection is gone.</summary>
    Closed,
}
