using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Gateway.Tests.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly WebhookRetryPolicy Policy = new()
    {
        InitialDelay = TimeSpan.FromSeconds(10),
        MaxDelay = TimeSpan.FromMinutes(5),
        MaxRetryTime = TimeSpan.FromHours(1),
    };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(60, 300)]
    public void Delay_doubles_from_the_initial_delay_up_to_the_maximum(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy.Delay(attempts));

    [Fact]
    public void Next_attempt_lies_in_the_upper_half_of_the_delay_as_the_jitter_says()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var first = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(1));
        var now = time.GetUtcNow();

        Assert.Equal(now + TimeSpan.FromSeconds(20), Policy.NextAttempt(3, first, now, 0.0));
        Assert.Equal(now + TimeSpan.FromSeconds(30), Policy.NextAttempt(3, first, now, 0.5));
        Assert.Equal(now + TimeSpan.FromSeconds(39.8), Policy.NextAttempt(3, first, now, 0.99));
    }

    [Fact]
    public void Retries_stop_once_the_retry_time_from_the_first_attempt_is_spent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var first = time.GetUtcNow();
        var attempts = 1;
        DateTimeOffset? next = time.GetUtcNow();
        while (next is { } at)
        {
            time.SetUtcNow(at);
            next = Policy.NextAttempt(attempts++, first, time.GetUtcNow(), 0.5);
        }

        // Attempts go on at most until the deadline, the last one exactly at it.
        Assert.Equal(first + Policy.MaxRetryTime, time.GetUtcNow());
        Assert.InRange(attempts, 10, 30);
    }

    [Fact]
    public void The_last_retry_is_made_at_the_deadline_rather_than_after_it()
    {
        var first = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var now = first + Policy.MaxRetryTime - TimeSpan.FromSeconds(30);

        Assert.Equal(first + Policy.MaxRetryTime, Policy.NextAttempt(10, first, now, 0.5));
    }
}
