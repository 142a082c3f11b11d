using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Tests.Dispatch;

/// <summary>
/// A store whose reads the test runs step by step: a read is requested, its snapshot taken at a moment the test
/// chooses (commits and outcomes may happen before or after it), and its result delivered later still. That is how
/// real reads race with commits and outcomes, made deterministic.
/// </summary>
internal sealed class ManualBacklog : IDispatchBacklog
{
    private readonly SortedDictionary<long, DispatchItem> _waiting = [];
    private TaskCompletionSource<IReadOnlyList<DispatchItem>>? _completion;
    private IReadOnlyList<DispatchItem>? _snapshot;

    /// <summary>The read asked for and not yet delivered, if any.</summary>
    public (long After, int Limit)? Pending { get; private set; }

    public bool HasSnapshot => _snapshot is not null;

    public int Reads { get; private set; }

    public int WaitingCount => _waiting.Count;

    /// <summary>A part is durably accepted: it waits for its supplier.</summary>
    public void Commit(DispatchItem item) => _waiting[item.PartId.Value] = item;

    /// <summary>A part's outcome is durably stored: it no longer waits.</summary>
    public void Settle(long partId) => _waiting.Remove(partId);

    public ValueTask<IReadOnlyList<DispatchItem>> LoadAsync(long supplierId, MessageId afterPartId, int limit, CancellationToken cancellationToken)
    {
        if (Pending is not null)
        {
            throw new InvalidOperationException("The queue ran two reads at once.");
        }

        Reads++;
        Pending = (afterPartId.Value, limit);
        _snapshot = null;

        // Synchronous continuations: delivering runs the queue's merge on the caller's thread, deterministically.
        _completion = new TaskCompletionSource<IReadOnlyList<DispatchItem>>();
        return new ValueTask<IReadOnlyList<DispatchItem>>(_completion.Task);
    }

    /// <summary>The read looks at the store now.</summary>
    public void TakeSnapshot()
    {
        var (after, limit) = Pending ?? throw new InvalidOperationException("No read is pending.");
        _snapshot = [.. _waiting.Where(p => p.Key > after).Take(limit).Select(p => p.Value)];
    }

    /// <summary>The read returns what it saw (looking now if it has not looked yet).</summary>
    public void Deliver()
    {
        if (_snapshot is null)
        {
            TakeSnapshot();
        }

        var completion = _completion!;
        var snapshot = _snapshot!;
        Pending = null;
        _completion = null;
        _snapshot = null;
        completion.SetResult(snapshot);
    }

    /// <summary>The read fails.</summary>
    public void Fail(Exception exception)
    {
        var completion = _completion ?? throw new InvalidOperationException("No read is pending.");
        Pending = null;
        _completion = null;
        _snapshot = null;
        completion.SetException(exception);
    }
}
