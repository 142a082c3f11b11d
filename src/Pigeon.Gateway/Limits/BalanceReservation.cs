namespace Pigeon.Gateway.Limits;

/// <summary>
/// An amount taken from a customer's balance in the <see cref="BalanceBook"/> for a message not yet stored. The
/// caller keeps it when the store commits the message (and its ledger entry), and gives it back with
/// <see cref="BalanceBook.Refund(BalanceReservation)"/> when the commit fails.
/// </summary>
/// <param name="CustomerId">Whose balance.</param>
/// <param name="Amount">How much was taken (zero for a free message).</param>
public readonly record struct BalanceReservation(long CustomerId, decimal Amount);
