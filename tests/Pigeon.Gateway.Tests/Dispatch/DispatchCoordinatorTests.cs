using System.Diagnostics;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>The coordinator: suppliers added, changed and removed at run time, parts routed, state reported.</summary>
public sealed class DispatchCoordinatorTests
{
    [Fact]
    public async Task Backlog_of_10000_with_an_in_memory_bound_of_100_is_submitted_in_id_order_once()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        var options = DispatchHarness.FastOptions();
        options.QueueCapacity = 100;
        await using var dispatch = new DispatchHarness(options);
        foreach (var part in TestParts.Range(1, 10_000))
        {
            dispatch.Store.Add(part);
        }

        var mostQueued = 0;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(
            async () =>
            {
                while (!watching.IsCancellationRequested)
                {
                    mostQueued = Math.Max(mostQueued, dispatch.Coordinator.GetState(1)?.Queued ?? 0);
                    await Task.Delay(1, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, window: 8), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => dispatch.Store.Accepted.Count == 10_000, "all 10,000 accepted", TimeSpan.FromMinutes(2));
        await watching.CancelAsync();
        await watcher;

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), smsc.PartIdsInArrivalOrder());
        Assert.Equal(10_000, dispatch.Store.Accepted.Select(a => a.PartId).Distinct().Count());
        Assert.InRange(mostQueued, 1, 100);
        Assert.True(dispatch.Store.Loads >= 100, $"read in windows ({dispatch.Store.Loads} reads)");
    }

    [Fact]
    public async Task Parts_go_to_the_supplier_they_are_assigned_to()
    {
        await using var first = await ScriptedSmsc.StartAsync();
        await using var second = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAllAsync(
            [DispatchHarness.SupplierFor(first, id: 1), DispatchHarness.SupplierFor(second, id: 2)],
            TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 10, supplierId: 1));
        dispatch.Submit(TestParts.Range(11, 5, supplierId: 2));
        await dispatch.AcceptedAsync(15);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Submits.Select(s => s.PartId).Order());
        Assert.Equal(Enumerable.Range(11, 5).Select(i => (long)i), second.Submits.Select(s => s.PartId).Order());
        Assert.Equal([1, 2], dispatch.Coordinator.SupplierIds.Order());
    }

    [Fact]
    public async Task State_reports_binds_queued_in_flight_and_submitted_today_per_supplier()
    {
        await using var fast = await ScriptedSmsc.StartAsync();
        await using var held = await ScriptedSmsc.StartAsync();
        held.Script = _ => SmscReaction.NoAnswer;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(fast, id: 1, binds: 2), TestContext.Current.CancellationToken);
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(held, id: 2, window: 3) with { Name = "slow" }, TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 2);
        await dispatch.BoundAsync(2, 1);

        dispatch.Submit(TestParts.Range(1, 12, supplierId: 1));
        dispatch.Submit(TestParts.Range(100, 10, supplierId: 2));
        await dispatch.AcceptedAsync(12);
        await Eventually.HoldsAsync(() => held.Submits.Count >= 3, "the slow supplier has its window full");

        var states = dispatch.Coordinator.GetStates();
        Assert.Equal([1, 2], states.Select(s => s.SupplierId));
        var first = states[0];
        Assert.Equal((2, 2, 0, 0, 12L, 12L), (first.Binds, first.BoundBinds, first.Queued, first.InFlight, first.SubmittedToday, first.Accepted));
        var slow = states[1];
        Assert.Equal("slow", slow.Name);
        Assert.Equal((1, 0L), (slow.BoundBinds, slow.SubmittedToday));
        Assert.Equal(10, slow.Queued + slow.InFlight);
        Assert.Equal(3, slow.InFlight);
        Assert.True(slow.AdminUp);
        Assert.Null(dispatch.Coordinator.GetState(3));
    }

    [Fact]
    public async Task Removed_supplier_unbinds_and_its_parts_stay_in_the_store()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        Assert.True(await dispatch.Coordinator.RemoveAsync(1, TestContext.Current.CancellationToken));
        await Eventually.HoldsAsync(() => smsc.BoundSessions == 0, "the SMSC sees the bind go");
        var part = TestParts.Part(1);
        dispatch.Store.Add(part);

        Assert.False(dispatch.Coordinator.Enqueue(part));
        Assert.False(await dispatch.Coordinator.RemoveAsync(1, TestContext.Current.CancellationToken));
        Assert.Empty(dispatch.Coordinator.GetStates());
        Assert.Equal(1, dispatch.Store.WaitingCount(1));

        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        await dispatch.AcceptedAsync(1);
    }

    [Fact]
    public async Task Changed_connection_settings_rebind_to_the_new_address()
    {
        await using var old = await ScriptedSmsc.StartAsync();
        await using var moved = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(old), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);
        dispatch.Submit(TestParts.Range(1, 5));
        await dispatch.AcceptedAsync(5);

        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(moved) with { Binds = 2 }, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => old.BoundSessions == 0 && moved.BoundSessions == 2, "both binds move to the new address");
        dispatch.Submit(TestParts.Range(6, 5));
        await dispatch.AcceptedAsync(10);

        Assert.Equal(5, old.Submits.Count);
        Assert.Equal([6, 7, 8, 9, 10], moved.Submits.Select(s => s.PartId).Order());
    }

    [Fact]
    public async Task Tps_changed_at_run_time_takes_effect_without_rebinding()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        var supplier = DispatchHarness.SupplierFor(smsc, tps: 5);
        await dispatch.Coordinator.ApplyAsync(supplier, TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 1);

        await dispatch.Coordinator.ApplyAsync(supplier with { Tps = 0 }, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        dispatch.Submit(TestParts.Range(1, 50));
        await dispatch.AcceptedAsync(50);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"50 parts uncapped took {clock.Elapsed}; at 5/s they would take 10 s");
        Assert.Equal(1, smsc.BoundSessions);
    }

    [Fact]
    public async Task Part_handed_to_an_unknown_supplier_is_refused()
    {
        await using var dispatch = new DispatchHarness();

        Assert.False(dispatch.Coordinator.Enqueue(TestParts.Part(1, supplierId: 9)));
    }

    [Fact]
    public async Task Disposed_coordinator_unbinds_every_supplier()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, binds: 3), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 3);

        await dispatch.DisposeAsync();

        await Eventually.HoldsAsync(() => smsc.BoundSessions == 0, "every bind is gone");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, id: 2), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Supplier_with_a_password_a_bind_cannot_carry_is_refused_before_anything_opens()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => dispatch.Coordinator.ApplyAsync(
            DispatchHarness.SupplierFor(smsc) with { Password = "ninechars" }, TestContext.Current.CancellationToken));

        Assert.Contains("Password", refused.Message, StringComparison.Ordinal);
        Assert.Empty(dispatch.Coordinator.SupplierIds);
    }
}
