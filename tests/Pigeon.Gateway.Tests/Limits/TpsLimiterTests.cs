using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Limits;

namespace Pigeon.Gateway.Tests.Limits;

public sealed class TpsLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void An_idle_account_may_burst_one_seconds_worth()
    {
        var limiter = new TpsLimiter(_time);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.TryAcquire(1, 10), $"request {i}");
        }

        Assert.False(limiter.TryAcquire(1, 10));
    }

    [Fact]
    public void After_the_burst_one_request_is_allowed_per_interval()
    {
        var limiter = new TpsLimiter(_time);
        for (var i = 0; i < 10; i++)
        {
            limiter.TryAcquire(1, 10);
        }

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(limiter.TryAcquire(1, 10));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire(1, 10));
        Assert.False(limiter.TryAcquire(1, 10));
    }

    [Fact]
    public void Over_a_long_run_the_rate_is_held_to_the_limit()
    {
        var limiter = new TpsLimiter(_time);
        var allowed = 0;
        for (var tick = 0; tick < 10_000; tick++)
        {
            // 10 seconds in 1 ms steps, 5 attempts each: far more than 50 per second.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                allowed += limiter.TryAcquire(1, 50) ? 1 : 0;
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // The first second's burst of 50 plus 50 per second for 10 seconds.
        Assert.InRange(allowed, 549, 551);
    }

    [Fact]
    public void A_refused_request_costs_nothing()
    {
        var limiter = new TpsLimiter(_time);
        Assert.True(limiter.TryAcquire(1, 1));
        for (var i = 0; i < 100; i++)
        {
            Assert.False(limiter.TryAcquire(1, 1));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(1, 1));
    }

    [Fact]
    public void Accounts_are_limited_separately()
    {
        var limiter = new TpsLimiter(_time);
        Assert.True(limiter.TryAcquire(1, 1));
        Assert.False(limiter.TryAcquire(1, 1));

        Assert.True(limiter.TryAcquire(2, 1));
        Assert.Equal(2, limiter.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_limit_means_every_request_passes(int tps)
    {
        var limiter = new TpsLimiter(_time);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.TryAcquire(1, tps));
        }

        Assert.Equal(0, limiter.Count);
    }

    [Fact]
    public void An_idle_period_does_not_bank_more_than_one_burst()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 5);
        _time.Advance(TimeSpan.FromMinutes(10));

        var allowed = Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire(1, 5));

        Assert.Equal(5, allowed);
    }

    [Fact]
    public void Concurrent_callers_together_get_exactly_the_burst()
    {
        var limiter = new TpsLimiter(_time);
        var allowed = 0;

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            if (limiter.TryAcquire(1, 100))
            {
                Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(100, allowed);
    }

    [Fact]
    public void A_check_allocates_nothing_once_the_account_is_known()
    {
        var limiter = new TpsLimiter(_time);

        // Warm up past tiered compilation's call-counting threshold, whose bookkeeping can allocate on this thread.
        for (var i = 0; i < 200; i++)
        {
            limiter.TryAcquire(1, 1_000_000);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            limiter.TryAcquire(1, 1_000_000);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_removed_account_starts_again_with_a_full_burst()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 1);

        Assert.True(limiter.Remove(1));
        Assert.True(limiter.TryAcquire(1, 1));
    }
}
