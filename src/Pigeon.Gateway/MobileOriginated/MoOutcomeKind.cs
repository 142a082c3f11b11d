namespace Pigeon.Gateway.MobileOriginated;

/// <summary>What became of an MO, or of one of its parts.</summary>
public enum MoOutcomeKind
{
    /// <summary>A message in one piece, stored for its customer.</summary>
    Stored,

    /// <summary>A part, held until the rest of its message arrives.</summary>
    PartHeld,

    /// <summary>A part held already (or of a message assembled a moment ago): not stored again.</summary>
    Repeat,

    /// <summary>Every part arrived: the whole message was stored for its customer.</summary>
    Assembled,

    /// <summary>Parts were still missing at the time-out: those that arrived were stored as one message, gaps marked.</summary>
    Incomplete,
}
