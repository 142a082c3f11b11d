namespace Pigeon.Gateway.Messages;

/// <summary>
/// The one status model of a message inside Pigeon. Each front end maps it to its own words (SMPP message_state and
/// receipt stat:, the HTTP dialects' vocabularies). Stored as its number: never renumber.
/// </summary>
public enum MessageStatus
{
    /// <summary>Stored and charged, waiting for dispatch.</summary>
    Accepted = 1,
    /// <summary>Handed to a supplier, which answered submit_sm_resp OK; no final receipt yet.</summary>
    Enroute = 2,
    /// <summary>Final: the supplier reported delivery.</summary>
    Delivered = 3,
    /// <summary>Final: the validity period ran out.</summary>
    Expired = 4,
    /// <summary>Final: cancelled.</summary>
    Deleted = 5,
    /// <summary>Final: the supplier reported it undeliverable.</summary>
    Undeliverable = 6,
    /// <summary>Final: refused by a supplier or by Pigeon after acceptance; the charge is refunded.</summary>
    Rejected = 7,
    /// <summary>Final: the supplier reported an unknown state.</summary>
    Unknown = 8,
}
