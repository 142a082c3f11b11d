using FsCheck;
using FsCheck.Xunit;
using Pigeon.Gateway.Limits;

namespace Pigeon.Gateway.Tests.Limits;

public sealed class BalanceBookTests
{
    [Fact]
    public void A_reservation_within_the_balance_takes_the_amount()
    {
        var book = new BalanceBook();
        book.Load(1, 10m);

        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 2.5m, out var reservation));
        Assert.Equal(new BalanceReservation(1, 2.5m), reservation);
        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.Equal(7.5m, balance);
    }

    [Fact]
    public void A_reservation_may_take_the_balance_to_exactly_zero()
    {
        var book = new BalanceBook();
        book.Load(1, 0.15m);

        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 0.15m, out _));
        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.Equal(0m, balance);
    }

    [Fact]
    public void A_reservation_that_would_go_below_zero_fails_and_takes_nothing()
    {
        var book = new BalanceBook();
        book.Load(1, 0.10m);

        Assert.Equal(ReserveOutcome.Insufficient, book.TryReserve(1, 0.11m, out var reservation));
        Assert.Equal(default, reservation);
        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.Equal(0.10m, balance);
    }

    [Fact]
    public void A_credit_limit_lets_the_balance_go_that_far_below_zero_and_no_further()
    {
        var book = new BalanceBook();
        book.Load(1, 1m, creditLimit: 5m);

        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 6m, out _));
        Assert.Equal(ReserveOutcome.Insufficient, book.TryReserve(1, 0.01m, out _));
        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.Equal(-5m, balance);
    }

    [Fact]
    public void Changing_the_credit_limit_applies_to_the_next_reservation()
    {
        var book = new BalanceBook();
        book.Load(1, 0m);

        Assert.Equal(ReserveOutcome.Insufficient, book.TryReserve(1, 1m, out _));
        Assert.True(book.SetCreditLimit(1, 1m));
        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 1m, out _));
        Assert.False(book.SetCreditLimit(2, 1m));
    }

    [Fact]
    public void A_free_message_is_reserved_even_on_an_empty_balance()
    {
        var book = new BalanceBook();
        book.Load(1, 0m);

        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 0m, out var reservation));
        Assert.Equal(0m, reservation.Amount);
    }

    [Fact]
    public void An_unknown_customer_cannot_reserve()
    {
        var book = new BalanceBook();

        Assert.Equal(ReserveOutcome.UnknownCustomer, book.TryReserve(1, 1m, out _));
        Assert.False(book.TryGetBalance(1, out _));
        Assert.False(book.Credit(1, 1m));
    }

    [Fact]
    public void A_refund_gives_the_reservation_back()
    {
        var book = new BalanceBook();
        book.Load(1, 1m);
        book.TryReserve(1, 0.4m, out var reservation);

        book.Refund(reservation);

        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.Equal(1m, balance);
    }

    [Fact]
    public void A_credit_adds_to_the_balance()
    {
        var book = new BalanceBook();
        book.Load(1, 0m);

        Assert.True(book.Credit(1, 25m));
        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 25m, out _));
    }

    [Fact]
    public void Negative_amounts_are_programming_errors()
    {
        var book = new BalanceBook();
        book.Load(1, 1m);

        Assert.Throws<ArgumentOutOfRangeException>(() => book.TryReserve(1, -1m, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Credit(1, -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Load(1, 1m, -1m));
    }

    [Fact]
    public void A_removed_customer_is_unknown()
    {
        var book = new BalanceBook();
        book.Load(1, 1m);

        Assert.True(book.Remove(1));
        Assert.Equal(ReserveOutcome.UnknownCustomer, book.TryReserve(1, 0.5m, out _));
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void Customers_have_separate_balances()
    {
        var book = new BalanceBook();
        book.Load(1, 1m);
        book.Load(2, 0m);

        Assert.Equal(ReserveOutcome.Reserved, book.TryReserve(1, 1m, out _));
        Assert.Equal(ReserveOutcome.Insufficient, book.TryReserve(2, 1m, out _));
    }

    [Property(MaxTest = 50)]
    public void Concurrent_reservations_never_overdraw(NonNegativeInt startingCents, PositiveInt[] amountsInCents)
    {
        var book = new BalanceBook();
        var start = startingCents.Get / 100m;
        book.Load(1, start);
        var amounts = amountsInCents.Select(a => (a.Get % 500 + 1) / 100m).ToArray();
        var reserved = new bool[amounts.Length];

        Parallel.For(0, amounts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            reserved[i] = book.TryReserve(1, amounts[i], out _) == ReserveOutcome.Reserved);

        var taken = amounts.Where((_, i) => reserved[i]).Sum();
        Assert.True(book.TryGetBalance(1, out var balance));
        Assert.True(balance >= 0m, $"balance {balance}");
        Assert.Equal(start - taken, balance);
        // Every refused amount was more than was left at the end, or it would have fitted at some point.
        Assert.All(amounts.Where((_, i) => !reserved[i]), refused => Assert.True(refused > balance));
    }
}
