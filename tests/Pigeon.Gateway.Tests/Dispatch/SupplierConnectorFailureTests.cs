using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>Temporary failures over loopback: time-outs, failover along the route, giving up, a dropped link.</summary>
public sealed class SupplierConnectorFailureTests
{
    [Fact]
    public async Task Unanswered_submits_time_out_are_retried_then_fail_over_to_the_next_supplier()
    {
        await using var silent = await ScriptedSmsc.StartAsync();
        silent.Script = _ => SmscReaction.NoAnswer;
        await using var backup = await ScriptedSmsc.StartAsync();
        var options = DispatchHarness.FastOptions();
        options.ResponseTimeout = TimeSpan.FromMilliseconds(300);
        options.MaxTemporaryFailures = 2;
        await using var dispatch = new DispatchHarness(options);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(silent, id: 1), TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(backup, id: 2), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 5, supplierId: 1, failover: 2));
        await dispatch.AcceptedAsync(5);

        Assert.All(silent.Submits.GroupBy(s => s.PartId), g => Assert.Equal(2, g.Count()));
        Assert.Equal(10, silent.Submits.Count);
        Assert.Equal([1, 2, 3, 4, 5], dispatch.Store.FailedOver.Select(f => f.PartId).Order());
        Assert.All(dispatch.Store.FailedOver, f => Assert.Equal((1L, 2L), (f.FromSupplierId, f.ToSupplierId)));
        Assert.All(dispatch.Store.Accepted, a => Assert.Equal(2, a.SupplierId));
        Assert.Equal([1, 2, 3, 4, 5], backup.Submits.Select(s => s.PartId).Order());
        Assert.Empty(dispatch.Store.Rejected);
    }

    [Fact]
    public async Task Part_with_no_supplier_left_is_rejected_with_the_last_status()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = _ => SmscReaction.Answer(CommandStatus.SystemError);
        var options = DispatchHarness.FastOptions();
        options.MaxTemporaryFailures = 3;
        await using var dispatch = new DispatchHarness(options);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);

        dispatch.Submit([TestParts.Part(1)]);
        await Eventually.HoldsAsync(() => !dispatch.Store.Rejected.IsEmpty, "the part is rejected");

        Assert.Equal(new RejectedPart(1, 1, CommandStatus.SystemError), Assert.Single(dispatch.Store.Rejected));
        Assert.Equal(3, smsc.Submits.Count);
        Assert.Empty(dispatch.Store.FailedOver);
        Assert.Equal(0, dispatch.Store.WaitingCount(1));
    }

    [Fact]
    public async Task Part_failed_over_along_the_whole_route_is_rejected_at_its_end()
    {
        await using var first = await ScriptedSmsc.StartAsync();
        first.Script = _ => SmscReaction.Answer(CommandStatus.MessageQueueFull);
        await using var second = await ScriptedSmsc.StartAsync();
        second.Script = _ => SmscReaction.Answer(CommandStatus.SystemError);
        var options = DispatchHarness.FastOptions();
        options.MaxTemporaryFailures = 2;
        options.MaxRetryTime = TimeSpan.FromMilliseconds(300);
        await using var dispatch = new DispatchHarness(options);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(first, id: 1), TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(second, id: 2), TestContext.Current.CancellationToken);

        dispatch.Submit([TestParts.Part(1, supplierId: 1, failover: 2)]);
        await Eventually.HoldsAsync(() => !dispatch.Store.Rejected.IsEmpty, "the part is rejected at the end of its route");

        var failover = Assert.Single(dispatch.Store.FailedOver);
        Assert.Contains("throttled", failover.Reason, StringComparison.Ordinal);
        Assert.Equal(new RejectedPart(1, 2, CommandStatus.SystemError), Assert.Single(dispatch.Store.Rejected));
        Assert.Equal(2, second.Submits.Count);
        Assert.True(first.Submits.Count >= 2, "the first supplier was tried until the retry time ran out");
    }

    [Fact]
    public async Task Link_dropped_mid_load_reconnects_and_every_part_is_accepted_exactly_once()
    {
        const int Window = 8;
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = s => s.Ordinal == 100 ? SmscReaction.DropLink : SmscReaction.Accept;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, window: Window), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 300));
        await dispatch.AcceptedAsync(300);

        Assert.All(dispatch.Store.Accepted.GroupBy(a => a.PartId), g => Assert.Single(g));
        Assert.Equal(300, dispatch.Store.Accepted.Count);
        var dropped = smsc.Submits.Single(s => s.Ordinal == 100);
        var stored = dispatch.Store.Accepted.Select(a => a.SupplierMessageId).ToHashSet();
        var sentAgain = smsc.Submits.GroupBy(s => s.PartId).Where(g => g.Count() > 1).ToArray();

        // Sent more than once only when the response to an earlier submit was lost with the link: every earlier
        // submit went on the dropped session and its id (if it got one) never reached the store.
        Assert.Contains(sentAgain, g => g.Key == dropped.PartId);
        Assert.InRange(sentAgain.Length, 1, Window);
        foreach (var part in sentAgain)
        {
            var submits = part.OrderBy(s => s.Ordinal).ToArray();
            Assert.All(submits[..^1], s => Assert.Equal(dropped.SessionId, s.SessionId));
            Assert.All(submits[..^1], s => Assert.True(s.MessageId is null || !stored.Contains(s.MessageId)));
            Assert.Contains(submits[^1].MessageId!, stored);
        }

        Assert.All(smsc.Submits.Where(s => s.SessionId != dropped.SessionId).GroupBy(s => s.PartId), g => Assert.Single(g));
        Assert.True(dispatch.Coordinator.GetState(1)!.TemporaryFailures >= 1);
        Assert.Empty(dispatch.Store.FailedOver);
        await dispatch.BoundAsync(1, 1);
    }

    [Fact]
    public async Task A_supplier_that_drops_the_link_whenever_its_smaller_window_is_overrun_still_gets_every_part_as_the_window_reopens_gradually()
    {
        // The supplier takes 10 submits at a time, answers each after 20 ms, and closes the session when an 11th
        // arrives, losing its unanswered responses. A full window of 64 sent at once on every new link would overrun
        // it every time and no part would ever be answered; after a lost link the bind starts again from one
        // outstanding submit and widens by one per answer, so each session carries some parts through.
        const int SupplierWindow = 10;
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = s => smsc.UnansweredOn(s.SessionId) > SupplierWindow
            ? SmscReaction.DropLink
            : SmscReaction.AcceptAfter(TimeSpan.FromMilliseconds(20));
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, window: 64), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 200));
        await dispatch.AcceptedAsync(200);

        Assert.Equal(200, dispatch.Store.Accepted.Select(a => a.PartId).Distinct().Count());
        Assert.True(smsc.Submits.Select(s => s.SessionId).Distinct().Count() > 2, "the supplier never dropped a link, so the test proved nothing");
        Assert.Empty(dispatch.Store.FailedOver);
        Assert.Empty(dispatch.Store.Rejected);
    }
}
