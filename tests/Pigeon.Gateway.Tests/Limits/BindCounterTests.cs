using Pigeon.Gateway.Limits;

namespace Pigeon.Gateway.Tests.Limits;

public sealed class BindCounterTests
{
    [Fact]
    public void Binds_are_allowed_up_to_the_maximum()
    {
        var counter = new BindCounter();

        Assert.True(counter.TryAcquire(1, 2));
        Assert.True(counter.TryAcquire(1, 2));
        Assert.False(counter.TryAcquire(1, 2));
        Assert.Equal(2, counter.Count(1));
    }

    [Fact]
    public void A_released_bind_makes_room_for_another()
    {
        var counter = new BindCounter();
        counter.TryAcquire(1, 1);

        counter.Release(1);

        Assert.Equal(0, counter.Count(1));
        Assert.True(counter.TryAcquire(1, 1));
    }

    [Fact]
    public void A_maximum_of_zero_allows_no_bind()
    {
        Assert.False(new BindCounter().TryAcquire(1, 0));
    }

    [Fact]
    public void Releasing_more_than_was_acquired_is_a_programming_error()
    {
        var counter = new BindCounter();
        Assert.Throws<InvalidOperationException>(() => counter.Release(1));
        counter.TryAcquire(1, 1);
        counter.Release(1);
        Assert.Throws<InvalidOperationException>(() => counter.Release(1));
    }

    [Fact]
    public void Accounts_are_counted_separately()
    {
        var counter = new BindCounter();
        counter.TryAcquire(1, 1);

        Assert.True(counter.TryAcquire(2, 1));
        Assert.Equal(0, counter.Count(3));
    }

    [Fact]
    public void Concurrent_binds_never_exceed_the_maximum()
    {
        var counter = new BindCounter();
        var granted = 0;

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            if (counter.TryAcquire(1, 7))
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.Equal(7, granted);
        Assert.Equal(7, counter.Count(1));
    }
}
