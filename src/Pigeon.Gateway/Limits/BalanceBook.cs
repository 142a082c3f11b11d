using System.Collections.Concurrent;

namespace Pigeon.Gateway.Limits;

/// <summary>
/// The authoritative in-memory balance of every customer, for the submission hot path. The store's ledger is the
/// record; this book is loaded from it at start (<see cref="Load"/>) and from then on every move goes through both:
/// a submission reserves here first, then stores the message with its ledger entry, then keeps the reservation
/// (or refunds it if the store failed); a top-up or a refund after rejection is stored and credited here.
/// <para>
/// A reservation succeeds only if the balance after it stays at or above minus the customer's credit limit (zero by
/// default, so a balance never goes below zero); the submission is then refused with ESME_RSUBMITFAIL
/// (<c>insufficient_balance</c>). Each customer has its own tiny lock; there is no global lock, so customers never
/// wait on each other.
/// </para>
/// </summary>
public sealed class BalanceBook
{
    private readonly ConcurrentDictionary<long, Account> _accounts = new();

    /// <summary>Customers loaded.</summary>
    public int Count => _accounts.Count;

    /// <summary>
    /// Sets a customer's balance (the sum of its ledger) and credit limit, replacing what the book held. Call it
    /// when the customer is loaded or created, not while its submissions are in flight.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="creditLimit"/> is negative.</exception>
    public void Load(long customerId, decimal balance, decimal creditLimit = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditLimit);
        var account = _accounts.GetOrAdd(customerId, static _ => new Account());
        lock (account.Gate)
        {
            account.Balance = balance;
            account.CreditLimit = creditLimit;
        }
    }

    /// <summary>Changes a loaded customer's credit limit; false if the customer is not loaded.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="creditLimit"/> is negative.</exception>
    public bool SetCreditLimit(long customerId, decimal creditLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditLimit);
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            return false;
        }

        lock (account.Gate)
        {
            account.CreditLimit = creditLimit;
        }

        return true;
    }

    /// <summary>The customer's balance now; false if the customer is not loaded.</summary>
    public bool TryGetBalance(long customerId, out decimal balance)
    {
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            balance = 0m;
            return false;
        }

        lock (account.Gate)
        {
            balance = account.Balance;
        }

        return true;
    }

    /// <summary>
    /// Takes <paramref name="amount"/> from the customer's balance if the balance, less the amount, stays at or above
    /// minus the credit limit. A zero amount always succeeds for a loaded customer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public ReserveOutcome TryReserve(long customerId, decimal amount, out BalanceReservation reservation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        reservation = default;
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            return ReserveOutcome.UnknownCustomer;
        }

        if (amount > 0m)
        {
            lock (account.Gate)
            {
                if (account.Balance - amount < -account.CreditLimit)
                {
                    return ReserveOutcome.Insufficient;
                }

                account.Balance -= amount;
            }
        }

        reservation = new BalanceReservation(customerId, amount);
        return ReserveOutcome.Reserved;
    }

    /// <summary>Gives a reservation back (the store did not commit the message).</summary>
    public void Refund(BalanceReservation reservation) => Credit(reservation.CustomerId, reservation.Amount);

    /// <summary>
    /// Adds <paramref name="amount"/> to the balance: a top-up, or a charge refunded after the message was rejected.
    /// False if the customer is not loaded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public bool Credit(long customerId, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            return false;
        }

        lock (account.Gate)
        {
            account.Balance += amount;
        }

        return true;
    }

    /// <summary>
    /// Moves the balance by a signed operator correction (an Adjustment entry of the ledger), which may take it below
    /// zero: the store has already recorded it. False if the customer is not loaded.
    /// </summary>
    public bool Adjust(long customerId, decimal amount)
    {
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            return false;
        }

        lock (account.Gate)
        {
            account.Balance += amount;
        }

        return true;
    }

    /// <summary>Forgets a customer (closed, deleted); later reservations answer <see cref="ReserveOutcome.UnknownCustomer"/>.</summary>
    public bool Remove(long customerId) => _accounts.TryRemove(customerId, out _);

    private sealed class Account
    {
        public readonly Lock Gate = new();
        public decimal Balance;
        public decimal CreditLimit;
    }
}
