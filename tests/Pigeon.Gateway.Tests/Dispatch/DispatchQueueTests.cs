using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// The per-supplier queue step by step: live parts and parts read back from the store, and the races between
/// them (late enqueues, late commits, outcomes settled while a read runs) that must never hand a part out twice.
/// </summary>
public sealed class DispatchQueueTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Parts_enqueued_with_room_are_handed_out_in_the_order_they_came()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 10);

        var admissions = new[] { 3L, 1, 2 }.Select(id => CommitAndEnqueue(backlog, queue, id)).ToArray();

        Assert.All(admissions, a => Assert.Equal(DispatchAdmission.Taken, a));
        Assert.Equal([3, 1, 2], Drain(queue, backlog));
        Assert.Equal(1, backlog.Reads);
    }

    [Fact]
    public async Task Parts_beyond_capacity_stay_in_the_store_and_come_back_in_id_order()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 4);

        var admissions = Enumerable.Range(1, 10).Select(id => CommitAndEnqueue(backlog, queue, id)).ToArray();

        Assert.Equal(4, admissions.Count(a => a == DispatchAdmission.Taken));
        Assert.Equal(6, admissions.Count(a => a == DispatchAdmission.LeftInStore));
        Assert.Equal(4, queue.Count);
        Assert.True(queue.HasBacklog);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Drain(queue, backlog));
        Assert.False(queue.HasBacklog);
    }

    [Fact]
    public async Task Part_read_from_the_store_is_not_taken_again_when_its_enqueue_arrives_after_it_was_settled()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 4);
        for (var id = 1; id <= 5; id++)
        {
            CommitAndEnqueue(backlog, queue, id);
        }

        backlog.Commit(TestParts.Part(6));
        var handedOut = DequeueAndSettle(queue, backlog, 3);
        backlog.Deliver();
        handedOut.AddRange(Drain(queue, backlog));

        Assert.Equal([1, 2, 3, 4, 5, 6], handedOut);
        Assert.Equal(DispatchAdmission.LeftInStore, queue.Enqueue(TestParts.Part(6)));
        Assert.Empty(Drain(queue, backlog));
    }

    [Fact]
    public async Task Part_committed_after_a_read_passed_its_id_is_found_by_reading_again()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 4);
        foreach (var id in new long[] { 1, 2, 3, 4, 6 })
        {
            CommitAndEnqueue(backlog, queue, id);
        }

        var handedOut = DequeueAndSettle(queue, backlog, 3);
        backlog.TakeSnapshot();
        Assert.Equal(DispatchAdmission.LeftInStore, CommitAndEnqueue(backlog, queue, 5));
        backlog.Deliver();
        handedOut.AddRange(Drain(queue, backlog));

        Assert.Equal([1, 2, 3, 4, 5, 6], handedOut.Order());
        Assert.Equal(0, backlog.WaitingCount);
    }

    [Fact]
    public async Task Part_settled_while_a_read_ran_is_not_handed_out_again()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 4);
        for (var id = 1; id <= 5; id++)
        {
            CommitAndEnqueue(backlog, queue, id);
        }

        var inFlight = new[] { Take(queue), Take(queue), Take(queue) };
        backlog.TakeSnapshot();
        Settle(queue, backlog, inFlight[0]);
        backlog.Deliver();
        Settle(queue, backlog, inFlight[1]);
        Settle(queue, backlog, inFlight[2]);

        Assert.Equal([4, 5], Drain(queue, backlog));
    }

    [Fact]
    public async Task Queue_takes_live_parts_again_once_the_store_is_drained()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 4);
        for (var id = 1; id <= 8; id++)
        {
            CommitAndEnqueue(backlog, queue, id);
        }

        Drain(queue, backlog);
        var reads = backlog.Reads;

        Assert.Equal(DispatchAdmission.Taken, CommitAndEnqueue(backlog, queue, 9));
        Assert.Equal([9], Drain(queue, backlog));
        Assert.Equal(reads, backlog.Reads);
    }

    [Fact]
    public async Task Start_reads_everything_already_waiting_in_the_store()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        foreach (var part in TestParts.Range(1, 7))
        {
            backlog.Commit(part);
        }

        await using var queue = NewQueue(backlog, capacity: 4);
        queue.Start();

        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), Drain(queue, backlog));
    }

    [Fact]
    public async Task Failed_read_is_tried_again_after_the_retry_delay()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        backlog.Commit(TestParts.Part(1));
        await using var queue = NewQueue(backlog, capacity: 4);
        queue.Start();

        backlog.Fail(new IOException("database restarting"));
        Assert.Null(backlog.Pending);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(backlog.Pending);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => backlog.Pending is not null, "the read is tried again");

        Assert.Equal([1], Drain(queue, backlog));
    }

    [Fact]
    public async Task Returned_part_goes_ahead_of_parts_not_yet_handed_out()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 10);
        for (var id = 1; id <= 3; id++)
        {
            CommitAndEnqueue(backlog, queue, id);
        }

        Assert.True(queue.TryDequeue(out var first));
        queue.Return(first);

        Assert.Equal([1, 2, 3], Drain(queue, backlog));
    }

    [Fact]
    public async Task Enqueue_of_a_part_the_queue_holds_changes_nothing()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 10);
        CommitAndEnqueue(backlog, queue, 1);
        CommitAndEnqueue(backlog, queue, 2);
        Take(queue);

        Assert.Equal(DispatchAdmission.AlreadyHeld, queue.Enqueue(TestParts.Part(1)));
        Assert.Equal(DispatchAdmission.AlreadyHeld, queue.Enqueue(TestParts.Part(2)));
        Assert.Equal((1, 1), (queue.Count, queue.InFlight));
    }

    [Fact]
    public async Task Waiting_dequeue_gets_the_next_part_enqueued()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 10);

        var waiting = queue.DequeueAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        CommitAndEnqueue(backlog, queue, 1);

        Assert.Equal(1, (await waiting).PartId.Value);
    }

    [Fact]
    public async Task Cancelled_dequeue_takes_nothing()
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        await using var queue = StartedOverEmptyStore(backlog, capacity: 10);
        using var cancel = new CancellationTokenSource();

        var waiting = queue.DequeueAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        CommitAndEnqueue(backlog, queue, 1);

        Assert.Equal([1], Drain(queue, backlog));
    }

    [Fact]
    public async Task Refill_from_a_backlog_of_10000_with_a_bound_of_100_hands_out_all_in_id_order_once()
    {
        var store = new FakeDispatchStore();
        foreach (var part in TestParts.Range(1, 10_000))
        {
            store.Add(part);
        }

        await using var queue = NewQueue(store, capacity: 100);
        queue.Start();
        var handedOut = new List<long>();
        var mostInMemory = 0;
        while (handedOut.Count < 10_000)
        {
            var part = await queue.DequeueAsync(TestContext.Current.CancellationToken);
            mostInMemory = Math.Max(mostInMemory, queue.Count);
            handedOut.Add(part.PartId.Value);
            await store.AcceptedAsync(part, 1, "x", TestContext.Current.CancellationToken);
            queue.Complete(part.PartId);
        }

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), handedOut);
        Assert.InRange(mostInMemory, 50, 100);
        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasBacklog);
    }

    [Fact]
    public async Task Concurrent_commits_out_of_id_order_and_consumers_hand_every_part_out_exactly_once()
    {
        const int Parts = 20_000;
        var store = new FakeDispatchStore();
        await using var queue = NewQueue(store, capacity: 64);
        queue.Start();
        var nextId = 0L;
        var handedOut = new System.Collections.Concurrent.ConcurrentDictionary<long, int>();
        var producers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            long id;
            while ((id = Interlocked.Increment(ref nextId)) <= Parts)
            {
                var part = TestParts.Part(id);
                store.Add(part);
                queue.Enqueue(part);
            }
        }));
        using var done = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        done.CancelAfter(TimeSpan.FromSeconds(60));
        var settled = 0;
        var consumers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                DispatchItem part;
                try
                {
                    part = await queue.DequeueAsync(done.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                handedOut.AddOrUpdate(part.PartId.Value, 1, (_, n) => n + 1);
                await store.AcceptedAsync(part, 1, "x", CancellationToken.None);
                queue.Complete(part.PartId);
                if (Interlocked.Increment(ref settled) == Parts)
                {
                    await done.CancelAsync();
                }
            }
        }));

        await Task.WhenAll(producers);
        await Task.WhenAll(consumers);

        Assert.Equal(Parts, handedOut.Count);
        Assert.All(handedOut, p => Assert.Equal(1, p.Value));
        Assert.True(queue.LeftInStore > 0 && queue.LoadedFromStore > 0, "both ways in were used");
        Assert.Equal(0, store.WaitingCount(1));
    }

    private DispatchQueue NewQueue(IDispatchBacklog backlog, int capacity) =>
        new(supplierId: 1, capacity, backlog, TimeSpan.FromSeconds(1), _time);

    private DispatchQueue StartedOverEmptyStore(ManualBacklog backlog, int capacity)
    {
        var queue = NewQueue(backlog, capacity);
        queue.Start();
        backlog.Deliver();
        return queue;
    }

    private static DispatchAdmission CommitAndEnqueue(ManualBacklog backlog, DispatchQueue queue, long id)
    {
        var part = TestParts.Part(id);
        backlog.Commit(part);
        return queue.Enqueue(part);
    }

    private static long Take(DispatchQueue queue)
    {
        Assert.True(queue.TryDequeue(out var part));
        return part.PartId.Value;
    }

    private static void Settle(DispatchQueue queue, ManualBacklog backlog, long id)
    {
        backlog.Settle(id);
        queue.Complete(new Identity.MessageId(id));
    }

    private static List<long> DequeueAndSettle(DispatchQueue queue, ManualBacklog backlog, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var id = Take(queue);
            Settle(queue, backlog, id);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Hands out and settles everything, delivering reads as the queue asks for them.</summary>
    private static List<long> Drain(DispatchQueue queue, ManualBacklog backlog)
    {
        var ids = new List<long>();
        while (true)
        {
            if (queue.TryDequeue(out var part))
            {
                ids.Add(part.PartId.Value);
                Settle(queue, backlog, part.PartId.Value);
            }
            else if (backlog.Pending is not null)
            {
                backlog.Deliver();
            }
            else
            {
                return ids;
            }
        }
    }
}
