using System.Diagnostics;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>Submitting to a supplier over loopback: the normal case, throttling, final refusals and the TPS cap.</summary>
public sealed class SupplierConnectorSubmitTests
{
    [Fact]
    public async Task Every_part_is_submitted_once_and_accepted_with_the_suppliers_id()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, binds: 2, window: 8), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 300));
        await dispatch.AcceptedAsync(300);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), smsc.Submits.Select(s => s.PartId).Order());
        var answered = smsc.Submits.ToDictionary(s => s.PartId, s => s.MessageId);
        Assert.All(dispatch.Store.Accepted, a => Assert.Equal(answered[a.PartId], a.SupplierMessageId));
        Assert.Equal(300, dispatch.Store.Accepted.Select(a => a.PartId).Distinct().Count());
        Assert.All(dispatch.Store.Accepted, a => Assert.Equal(1, a.Attempts));
        Assert.Empty(dispatch.Store.Rejected);
        Assert.Empty(dispatch.Store.FailedOver);
        Assert.Equal(0, dispatch.Store.WaitingCount(1));
    }

    [Fact]
    public async Task Submit_sm_carries_the_parts_fields_and_always_asks_for_a_receipt()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);
        var part = TestParts.Part(7) with
        {
            Source = SmppAddress.International("4915112345678"),
            Destination = SmppAddress.International("447700900123"),
            EsmClass = 0x40,
            DataCoding = 0x08,
            SarReference = 0x1234,
            SarTotalSegments = 3,
            SarSegmentNumber = 2,
            ValidityPeriod = "260101120000000+",
        };

        dispatch.Submit([part]);
        await dispatch.AcceptedAsync(1);

        var submit = Assert.Single(smsc.Submits).Submit;
        Assert.Equal(part.Source, submit.Source);
        Assert.Equal(part.Destination, submit.Destination);
        Assert.Equal(EsmClass.UdhIndicator, submit.EsmClass);
        Assert.Equal(0x08, submit.DataCoding);
        Assert.Equal(part.Body.ToArray(), submit.ShortMessage.ToArray());
        Assert.Equal((ushort)0x1234, submit.SarMessageReference);
        Assert.Equal((byte)3, submit.SarTotalSegments);
        Assert.Equal((byte)2, submit.SarSegmentSequenceNumber);
        Assert.Equal("260101120000000+", submit.ValidityPeriod);
        Assert.Equal(RegisteredDelivery.SmscReceiptOnSuccessOrFailure, submit.RegisteredDelivery);
    }

    [Fact]
    public async Task Throttled_part_is_sent_again_first_after_a_growing_pause_and_order_is_kept()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        // The 3rd, 4th and 5th submits are throttled: part 3 three times, then everything is accepted.
        smsc.Script = s => s.Ordinal is >= 3 and <= 5 ? SmscReaction.Throttle : SmscReaction.Accept;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, window: 1), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 10));
        await dispatch.AcceptedAsync(10);

        Assert.Equal([1, 2, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10], smsc.PartIdsInArrivalOrder());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), dispatch.Store.Accepted.Select(a => a.PartId));
        var retries = smsc.Submits.Where(s => s.PartId == 3).Select(s => s.Timestamp).ToArray();
        var pauses = retries.Zip(retries.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToArray();
        Assert.True(pauses[0] >= TimeSpan.FromMilliseconds(20), $"first pause {pauses[0]}");
        Assert.True(pauses[1] >= TimeSpan.FromMilliseconds(40), $"second pause {pauses[1]}");
        Assert.True(pauses[2] >= TimeSpan.FromMilliseconds(80), $"third pause {pauses[2]}");
        Assert.Equal(4, dispatch.Store.Accepted.Single(a => a.PartId == 3).Attempts);
        Assert.Equal(3, dispatch.Coordinator.GetState(1)!.Throttled);
        Assert.Empty(dispatch.Store.FailedOver);
    }

    [Fact]
    public async Task Throttling_with_a_window_keeps_every_part_and_sends_none_twice_once_accepted()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = s => s.Ordinal % 7 == 0 && s.Ordinal < 150 ? SmscReaction.Throttle : SmscReaction.Accept;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, binds: 2, window: 8), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 200));
        await dispatch.AcceptedAsync(200);

        Assert.Equal(200, dispatch.Store.Accepted.Select(a => a.PartId).Distinct().Count());
        Assert.All(smsc.Submits.GroupBy(s => s.PartId), g => Assert.Single(g, s => s.MessageId is not null));
        Assert.Empty(dispatch.Store.FailedOver);
    }

    [Fact]
    public async Task Final_status_rejects_the_part_without_a_retry()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = s => s.PartId == 2 ? SmscReaction.Answer(CommandStatus.InvalidDestinationAddress) : SmscReaction.Accept;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc), TestContext.Current.CancellationToken);

        dispatch.Submit(TestParts.Range(1, 3, supplierId: 1, failover: 2));
        await Eventually.HoldsAsync(() => dispatch.Store.Accepted.Count == 2 && dispatch.Store.Rejected.Count == 1, "two accepted, one rejected");

        Assert.Equal(new RejectedPart(2, 1, CommandStatus.InvalidDestinationAddress), Assert.Single(dispatch.Store.Rejected));
        Assert.Single(smsc.Submits, s => s.PartId == 2);
        Assert.Empty(dispatch.Store.FailedOver);
        Assert.Equal(1, dispatch.Coordinator.GetState(1)!.Rejected);
    }

    [Fact]
    public async Task Tps_cap_holds_over_every_second_across_binds()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, binds: 2, window: 8, tps: 40), TestContext.Current.CancellationToken);
        await dispatch.BoundAsync(1, 2);

        dispatch.Submit(TestParts.Range(1, 120));
        await dispatch.AcceptedAsync(120);

        var times = smsc.Submits.Select(s => s.Timestamp).Order().ToArray();
        var busiest = times.Select((start, i) => times.Skip(i).TakeWhile(t => Stopwatch.GetElapsedTime(start, t) < TimeSpan.FromSeconds(1)).Count()).Max();
        // 40 per second plus a burst of 2 (50 ms worth); a little slack for timer jitter only.
        Assert.InRange(busiest, 30, 44);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[^1]) >= TimeSpan.FromSeconds(2.5), "120 parts at 40/s take close to 3 s");
    }

    [Fact]
    public async Task Attempts_reported_count_every_submit_sm_sent()
    {
        await using var smsc = await ScriptedSmsc.StartAsync();
        smsc.Script = s => s.Ordinal == 1 ? SmscReaction.Answer(CommandStatus.SystemError) : SmscReaction.Accept;
        await using var dispatch = new DispatchHarness();
        await dispatch.Coordinator.ApplyAsync(DispatchHarness.SupplierFor(smsc, window: 1), TestContext.Current.CancellationToken);

        dispatch.Submit([TestParts.Part(1) with { Attempts = 2 }]);
        await dispatch.AcceptedAsync(1);

        Assert.Equal(4, Assert.Single(dispatch.Store.Accepted).Attempts);
    }
}
