namespace Pigeon.Gateway.Storage;

/// <summary>Why a customer's balance moved. Stored as its number: never renumber.</summary>
public enum LedgerEntryKind
{
    /// <summary>Money added (a top-up); positive.</summary>
    Credit = 1,
    /// <summary>A message's price taken; negative.</summary>
    Charge = 2,
    /// <summary>A rejected message's price given back; positive.</summary>
    Refund = 3,
    /// <summary>An operator's correction; either sign.</summary>
    Adjustment = 4,
}
