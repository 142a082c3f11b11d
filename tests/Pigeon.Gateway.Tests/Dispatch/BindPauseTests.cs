using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>A bind's back-off after throttling, on a fake clock.</summary>
public sealed class BindPauseTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Pause_doubles_per_failure_after_the_last_pause_up_to_the_maximum()
    {
        var pause = new BindPause(_time);
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            pauses.Add(pause.Note(Min, Max));
            _time.Advance(pauses[^1]);
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000], pauses.Select(p => p.TotalMilliseconds));
    }

    [Fact]
    public void Failures_arriving_during_a_pause_do_not_lengthen_it()
    {
        var pause = new BindPause(_time);
        pause.Note(Min, Max);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        var remaining = pause.Note(Min, Max);
        _time.Advance(remaining);

        Assert.Equal(TimeSpan.FromMilliseconds(70), remaining);
        Assert.False(pause.IsPaused);
        Assert.Equal(TimeSpan.FromMilliseconds(200), pause.Note(Min, Max));
    }

    [Fact]
    public void Success_resets_the_doubling()
    {
        var pause = new BindPause(_time);
        _time.Advance(pause.Note(Min, Max));
        _time.Advance(pause.Note(Min, Max));

        pause.Reset();

        Assert.Equal(Min, pause.Note(Min, Max));
    }

    [Fact]
    public async Task Wait_completes_when_the_pause_is_over()
    {
        var pause = new BindPause(_time);
        pause.Note(Min, Max);

        var waiting = pause.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);
        _time.Advance(Min);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(pause.IsPaused);
    }
}
