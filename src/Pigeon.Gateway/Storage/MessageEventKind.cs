namespace Pigeon.Gateway.Storage;

/// <summary>What happened to a message after acceptance. Stored as its number: never renumber.</summary>
public enum MessageEventKind
{
    /// <summary>A supplier accepted a part (submit_sm_resp OK).</summary>
    SupplierAccepted = 1,
    /// <summary>A part moved to another supplier.</summary>
    FailedOver = 2,
    /// <summary>A supplier's receipt changed a part's status.</summary>
    Receipt = 3,
    /// <summary>Pigeon ended a part itself (rejected, expired, deleted).</summary>
    Finished = 4,
}
