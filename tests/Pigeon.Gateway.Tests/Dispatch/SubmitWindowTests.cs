using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>A bind's submit window: whole while links hold, one after a lost link, widening by one per acceptance.</summary>
public sealed class SubmitWindowTests
{
    [Fact]
    public void A_whole_window_lets_out_as_many_submits_as_its_size_and_no_more()
    {
        using var window = new SubmitWindow(4);

        var taken = Enumerable.Range(0, 5).Select(_ => window.WaitAsync(CancellationToken.None)).ToArray();

        Assert.All(taken[..4], t => Assert.True(t.IsCompletedSuccessfully));
        Assert.False(taken[4].IsCompleted);
        window.Complete();
        Assert.True(taken[4].IsCompletedSuccessfully);
    }

    [Fact]
    public void After_a_lost_link_under_a_full_window_only_one_submit_may_be_outstanding()
    {
        using var window = new SubmitWindow(8);
        Take(window, 8);

        for (var i = 0; i < 8; i++)
        {
            window.Narrow();
            window.Complete();
        }

        Assert.Equal(1, window.Current);
        Assert.Equal(1, window.Available);
    }

    [Fact]
    public void Each_accepted_submit_widens_the_window_by_one_so_it_doubles_per_round_trip_until_whole()
    {
        using var window = new SubmitWindow(8);
        window.Narrow();
        var sizes = new List<int>();

        for (var round = 0; round < 5; round++)
        {
            var outstanding = Take(window, window.Available);
            for (var i = 0; i < outstanding; i++)
            {
                window.Widen();
                window.Complete();
            }

            sizes.Add(window.Current);
        }

        Assert.Equal([2, 4, 8, 8, 8], sizes);
        Assert.Equal(8, window.Available);
    }

    [Fact]
    public void A_link_lost_while_the_window_is_narrow_starts_it_again_from_one()
    {
        using var window = new SubmitWindow(16);
        window.Narrow();
        Take(window, 1);
        window.Widen();
        window.Complete();
        Take(window, 2);
        window.Widen();
        window.Complete();

        window.Narrow();
        window.Complete();

        Assert.Equal(1, window.Current);
        Assert.Equal(1, window.Available);
    }

    /// <summary>
    /// Whatever the order of takes, answers, lost links and unused permits, no permit is made or lost: outstanding
    /// plus free never exceeds the window, and once everything outstanding has finished and enough submits have been
    /// accepted, the whole window is free again.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property No_permit_is_ever_made_or_lost() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(1, 8).Zip(Gen.ArrayOf(Gen.Choose(0, 3)))),
            run => Simulate(run.Item1, run.Item2));

    private static bool Simulate(int size, int[] steps)
    {
        using var window = new SubmitWindow(size);
        var outstanding = 0;
        foreach (var step in steps)
        {
            switch (step)
            {
                case 0 when window.Available > 0:
                    outstanding += Take(window, 1);
                    break;
                case 1 when outstanding > 0:
                    window.Widen();
                    window.Complete();
                    outstanding--;
                    break;
                case 2 when outstanding > 0:
                    window.Narrow();
                    window.Complete();
                    outstanding--;
                    break;
                case 3 when window.Available > 0:
                    Take(window, 1);
                    window.Release();
                    break;
            }

            if (window.Available + outstanding > size || window.Current < 1 || window.Current > size)
            {
                return false;
            }
        }

        for (; outstanding > 0; outstanding--)
        {
            window.Complete();
        }

        for (var i = 0; i < size; i++)
        {
            window.Widen();
        }

        return window.Available == size && window.Current == size;
    }

    private static int Take(SubmitWindow window, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(window.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        }

        return count;
    }
}
