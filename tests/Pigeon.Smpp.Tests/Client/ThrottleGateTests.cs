using Pigeon.Smpp.Client;
using Pigeon.Smpp.Tests.Sessions;

namespace Pigeon.Smpp.Tests.Client;

public sealed class ThrottleGateTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(350);

    [Fact]
    public void Open_gate_lets_requests_through_at_once()
    {
        var gate = new ThrottleGate(SessionHarness.NewFakeTime(), Min, Max);

        Assert.True(gate.WaitAsync(TestContext.Current.CancellationToken).AsTask().IsCompleted);
    }

    [Fact]
    public void Throttling_closes_the_gate_for_the_minimum_pause()
    {
        var time = SessionHarness.NewFakeTime();
        var gate = new ThrottleGate(time, Min, Max);

        var pause = gate.OnThrottled();
        var waiting = gate.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        time.Advance(Min - TimeSpan.FromMilliseconds(1));
        var stillClosed = !waiting.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(Min, pause);
        Assert.True(stillClosed);
        Assert.True(waiting.IsCompleted);
    }

    [Fact]
    public void Throttling_answers_during_a_pause_do_not_lengthen_it()
    {
        var time = SessionHarness.NewFakeTime();
        var gate = new ThrottleGate(time, Min, Max);
        gate.OnThrottled();
        time.Advance(TimeSpan.FromMilliseconds(40));

        var remaining = gate.OnThrottled();

        Assert.Equal(TimeSpan.FromMilliseconds(60), remaining);
    }

    [Fact]
    public void Throttling_after_a_pause_doubles_the_next_up_to_the_maximum()
    {
        var time = SessionHarness.NewFakeTime();
        var gate = new ThrottleGate(time, Min, Max);
        var pauses = new List<TimeSpan>();

        for (var i = 0; i < 4; i++)
        {
            var pause = gate.OnThrottled();
            pauses.Add(pause);
            time.Advance(pause);
        }

        Assert.Equal([Min, 2 * Min, Max, Max], pauses);
    }

    [Fact]
    public void An_accepted_answer_resets_the_pause_to_the_minimum()
    {
        var time = SessionHarness.NewFakeTime();
        var gate = new ThrottleGate(time, Min, Max);
        time.Advance(gate.OnThrottled());
        time.Advance(gate.OnThrottled());

        gate.OnAccepted();

        Assert.Equal(Min, gate.OnThrottled());
    }
}
