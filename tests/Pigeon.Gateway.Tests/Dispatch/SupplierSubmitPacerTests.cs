using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>The lock-free TPS cap, on a fake clock.</summary>
public sealed class TpsLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Zero_permits_per_second_means_no_limit()
    {
        var limiter = new SupplierSubmitPacer(0, TimeSpan.FromMilliseconds(50), _time);

        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.Equal(TimeSpan.Zero, limiter.Reserve()));
    }

    [Fact]
    public void Burst_goes_at_once_then_permits_are_spaced_one_interval_apart()
    {
        var limiter = new SupplierSubmitPacer(100, TimeSpan.FromMilliseconds(50), _time);

        var waits = Enumerable.Range(0, 8).Select(_ => limiter.Reserve().TotalMilliseconds).ToArray();

        Assert.Equal(5, limiter.Burst);
        Assert.Equal([0, 0, 0, 0, 0, 10, 20, 30], waits.Select(w => Math.Round(w)));
    }

    [Fact]
    public void Permits_granted_within_any_second_never_exceed_the_rate_plus_the_burst()
    {
        var limiter = new SupplierSubmitPacer(200, TimeSpan.FromMilliseconds(50), _time);
        var grants = new List<TimeSpan>();
        var start = _time.GetUtcNow();
        for (var step = 0; step < 3000; step++)
        {
            // Callers arrive in clumps of seven every 13 ms: far more than 200 per second.
            for (var i = 0; i < 7; i++)
            {
                grants.Add(_time.GetUtcNow() - start + limiter.Reserve());
            }

            _time.Advance(TimeSpan.FromMilliseconds(13));
        }

        grants.Sort();
        var busiest = 0;
        for (int first = 0, last = 0; first < grants.Count; first++)
        {
            while (last < grants.Count && grants[last] - grants[first] < TimeSpan.FromSeconds(1))
            {
                last++;
            }

            busiest = Math.Max(busiest, last - first);
        }

        Assert.InRange(busiest, 200, 200 + limiter.Burst);
    }

    [Fact]
    public async Task Acquire_completes_when_the_clock_reaches_the_reserved_slot()
    {
        var limiter = new SupplierSubmitPacer(10, TimeSpan.FromMilliseconds(1), _time);
        await limiter.AcquireAsync(TestContext.Current.CancellationToken);

        var second = limiter.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Rate_changed_at_run_time_applies_to_the_next_reservations()
    {
        var limiter = new SupplierSubmitPacer(10, TimeSpan.FromMilliseconds(1), _time);
        limiter.Reserve();
        _time.Advance(TimeSpan.FromSeconds(1));

        limiter.SetRate(1000, TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(1, Math.Round(limiter.Reserve().TotalMilliseconds));
        Assert.Equal(1000, limiter.PermitsPerSecond);
    }

    [Fact]
    public async Task Reservations_from_many_threads_at_once_are_all_distinct_slots()
    {
        var limiter = new SupplierSubmitPacer(1000, TimeSpan.FromMilliseconds(1), _time);

        var waits = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Enumerable.Range(0, 500).Select(_ => limiter.Reserve()).ToArray(),
            TestContext.Current.CancellationToken)));

        var slots = waits.SelectMany(w => w).Select(w => (long)Math.Round(w.TotalMilliseconds)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 4000).Select(i => (long)i), slots);
    }
}
