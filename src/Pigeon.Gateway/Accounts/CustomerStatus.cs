namespace Pigeon.Gateway.Accounts;

/// <summary>Whether a customer may use the service. Stored as its number: never renumber.</summary>
public enum CustomerStatus
{
    /// <summary>Submits and binds are allowed.</summary>
    Active = 1,
    /// <summary>Temporarily barred: binds and submits are refused, data is kept.</summary>
    Suspended = 2,
    /// <summary>Closed for good.</summary>
    Closed = 3,
}
