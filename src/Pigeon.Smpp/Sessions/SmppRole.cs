namespace Pigeon.Smpp.Sessions;

/// <summary>Which end of the link a session is (section 2.1): the ESME binds, the SMSC accepts binds.</summary>
internal enum SmppRole
{
    /// <summary>External short message entity: the client that binds.</summary>
    Esme,

    /// <summary>Short message service centre: the server that accepts binds.</summary>
    Smsc,
}
