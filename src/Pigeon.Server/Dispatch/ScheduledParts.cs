using Pigeon.Gateway.Dispatch;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// Parts of messages scheduled for later (schedule_delivery_time), held until they are due and then offered to their
/// supplier's queue. They come from acceptance and from backlog reads (which leave them out of the queue); a part is
/// held once however often it is read. What is held lives in memory only: the store keeps the part Accepted, so a
/// restart reads it again.
/// </summary>
internal sealed class ScheduledParts
{
    private readonly PriorityQueue<DispatchItem, DateTimeOffset> _due = new();
    private readonly HashSet<long> _held = [];
    private readonly Lock _sync = new();

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>Holds <paramref name="item"/> until <paramref name="dueAt"/>; false when it is held already.</summary>
    public bool Hold(DispatchItem item, DateTimeOffset dueAt)
    {
        lock (_sync)
        {
            if (!_held.Add(item.PartId.Value))
            {
                return false;
            }

            _due.Enqueue(item, dueAt);
            return true;
        }
    }

    /// <summary>Takes every part due at <paramref name="now"/>, earliest first.</summary>
    public List<DispatchItem> TakeDue(DateTimeOffset now)
    {
        var due = new List<DispatchItem>();
        lock (_sync)
        {
            while (_due.TryPeek(out var item, out var at) && at <= now)
            {
                _due.Dequeue();
                _held.Remove(item.PartId.Value);
                due.Add(item);
            }
        }

        return due;
    }
}
