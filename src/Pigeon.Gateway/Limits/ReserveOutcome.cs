namespace Pigeon.Gateway.Limits;

/// <summary>What <see cref="BalanceBook.TryReserve"/> did.</summary>
public enum ReserveOutcome
{
    /// <summary>The amount was taken.</summary>
    Reserved,

    /// <summary>The balance (with the credit limit) does not cover the amount; nothing was taken.</summary>
    Insufficient,

    /// <summary>The customer's balance was never loaded into the book; nothing was taken.</summary>
    UnknownCustomer,
}
