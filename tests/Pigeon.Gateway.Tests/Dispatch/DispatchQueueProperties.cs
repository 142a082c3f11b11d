using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Pigeon.Gateway.Dispatch;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// The queue against every interleaving FsCheck can find of: ids allocated in order but committed out of order,
/// enqueues arriving late, reads requested, snapshotted and delivered at any moment, parts handed out, settled or
/// given back. Whatever the order, each committed part is handed out exactly once (a part given back may be
/// handed out again, which is its point) and none is lost.
/// </summary>
public sealed class DispatchQueueProperties
{
    private enum Step
    {
        Allocate,
        Commit,
        Enqueue,
        Dequeue,
        Settle,
        GiveBack,
        Snapshot,
        Deliver,
    }

    [Property(MaxTest = 5000)]
    public Property Every_committed_part_is_handed_out_exactly_once() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(2, 6).Zip(Gen.ArrayOf(Gen.Choose(0, 255)))),
            run => Simulate(run.Item1, run.Item2));

    private static bool Simulate(int capacity, int[] steps)
    {
        using var context = NoSynchronizationContext.Enter();
        var backlog = new ManualBacklog();
        var queue = new DispatchQueue(supplierId: 1, capacity, backlog, TimeSpan.FromSeconds(1), new FakeTimeProvider());
        var model = new Model();
        queue.Start();
        foreach (var step in steps)
        {
            if (!model.Apply(queue, backlog, (Step)(step % 8), step / 8))
            {
                return false;
            }
        }

        return model.Finish(queue, backlog);
    }

    /// <summary>What the test knows about every part, to check the queue's hand-outs against.</summary>
    private sealed class Model
    {
        private readonly List<long> _allocated = [];
        private readonly List<long> _committedNotEnqueued = [];
        private readonly List<DispatchItem> _inFlight = [];
        private readonly HashSet<long> _committed = [];
        private readonly HashSet<long> _handedOut = [];
        private long _nextId;

        public bool Apply(DispatchQueue queue, ManualBacklog backlog, Step step, int pick)
        {
            switch (step)
            {
                case Step.Allocate:
                    _allocated.Add(++_nextId);
                    break;
                case Step.Commit when _allocated.Count > 0:
                    Commit(backlog, TakeAt(_allocated, pick));
                    break;
                case Step.Enqueue when _committedNotEnqueued.Count > 0:
                    queue.Enqueue(TestParts.Part(TakeAt(_committedNotEnqueued, pick)));
                    break;
                case Step.Dequeue when queue.TryDequeue(out var part):
                    if (!_handedOut.Add(part.PartId.Value))
                    {
                        return false;
                    }

                    _inFlight.Add(part);
                    break;
                case Step.Settle when _inFlight.Count > 0:
                    var settled = TakeAt(_inFlight, pick);
                    backlog.Settle(settled.PartId.Value);
                    queue.Complete(settled.PartId);
                    break;
                case Step.GiveBack when _inFlight.Count > 0:
                    var given = TakeAt(_inFlight, pick);
                    _handedOut.Remove(given.PartId.Value);
                    queue.Return(given);
                    break;
                case Step.Snapshot when backlog.Pending is not null && !backlog.HasSnapshot:
                    backlog.TakeSnapshot();
                    break;
                case Step.Deliver when backlog.Pending is not null:
                    backlog.Deliver();
                    break;
            }

            return true;
        }

        /// <summary>Commits and enqueues what is left, then drains: everything committed must come out once.</summary>
        public bool Finish(DispatchQueue queue, ManualBacklog backlog)
        {
            while (_allocated.Count > 0)
            {
                Commit(backlog, TakeAt(_allocated, 0));
            }

            foreach (var id in _committedNotEnqueued)
            {
                queue.Enqueue(TestParts.Part(id));
            }

            foreach (var part in _inFlight)
            {
                backlog.Settle(part.PartId.Value);
                queue.Complete(part.PartId);
            }

            while (true)
            {
                if (queue.TryDequeue(out var part))
                {
                    if (!_handedOut.Add(part.PartId.Value))
                    {
                        return false;
                    }

                    backlog.Settle(part.PartId.Value);
                    queue.Complete(part.PartId);
                }
                else if (backlog.Pending is not null)
                {
                    backlog.Deliver();
                }
                else
                {
                    return _handedOut.SetEquals(_committed) && queue.InFlight == 0 && backlog.WaitingCount == 0;
                }
            }
        }

        private void Commit(ManualBacklog backlog, long id)
        {
            backlog.Commit(TestParts.Part(id));
            _committed.Add(id);
            _committedNotEnqueued.Add(id);
        }

        private static T TakeAt<T>(List<T> list, int pick)
        {
            var index = pick % list.Count;
            var item = list[index];
            list.RemoveAt(index);
            return item;
        }
    }
}
