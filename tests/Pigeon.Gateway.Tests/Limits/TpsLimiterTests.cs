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

    [Fact]
    public void Taking_exactly_the_burst_at_once_is_allowed()
    {
        var limiter = new TpsLimiter(_time);

        Assert.True(limiter.TryAcquire(1, 10, 10, out var retryAfter));
        Assert.Equal(TimeSpan.Zero, retryAfter);
    }

    [Fact]
    public void One_message_over_the_burst_is_refused_with_the_wait_of_one_interval()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 10, 10, out _);

        Assert.False(limiter.TryAcquire(1, 10, 1, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(100), retryAfter);
    }

    [Fact]
    public void The_wait_reported_is_exactly_when_the_next_request_fits()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 4, 4, out _);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(limiter.TryAcquire(1, 4, 2, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(150), retryAfter);

        _time.Advance(retryAfter - TimeSpan.FromTicks(1));
        Assert.False(limiter.TryAcquire(1, 4, 2, out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.TryAcquire(1, 4, 2, out _));
    }

    [Fact]
    public void A_refused_take_of_many_costs_nothing()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 10, 10, out _);

        for (var i = 0; i < 100; i++)
        {
            Assert.False(limiter.TryAcquire(1, 10, 5, out var retryAfter));
            Assert.Equal(TimeSpan.FromMilliseconds(100), retryAfter);
        }
    }

    [Fact]
    public void The_budget_refills_at_the_rate_over_time()
    {
        var limiter = new TpsLimiter(_time);
        limiter.TryAcquire(1, 10, 10, out _);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var allowed = Enumerable.Range(0, 20).Count(attempt => limiter.TryAcquire(1, 10, 1, out _));

        Assert.Equal(5, allowed);
    }

    [Fact]
    public void A_take_larger_than_the_burst_is_let_in_whole_and_the_debt_is_waited_out()
    {
        var limiter = new TpsLimiter(_time);

        Assert.True(limiter.TryAcquire(1, 10, 25, out _));

        // 25 messages at 10 per second are paid off 2.5 s on; the burst's room of one second then leaves 1.5 s,
        // and one more message needs one interval: 1.6 s.
        Assert.False(limiter.TryAcquire(1, 10, 1, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1600), retryAfter);
        _time.Advance(retryAfter);
        Assert.True(limiter.TryAcquire(1, 10, 1, out _));
        Assert.False(limiter.TryAcquire(1, 10, 1, out _));
    }

    [Fact]
    public void A_take_of_many_draws_on_the_same_budget_as_single_requests()
    {
        var limiter = new TpsLimiter(_time);
        Assert.True(limiter.TryAcquire(1, 10, 9, out _));

        Assert.True(limiter.TryAcquire(1, 10));
        Assert.False(limiter.TryAcquire(1, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_limit_means_every_take_passes_however_large(int tps)
    {
        var limiter = new TpsLimiter(_time);

        Assert.True(limiter.TryAcquire(1, tps, 1_000_000, out var retryAfter));
        Assert.True(limiter.TryAcquire(1, tps, 1_000_000, out _));
        Assert.Equal(TimeSpan.Zero, retryAfter);
    }
}
