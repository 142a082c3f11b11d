using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// One supplier's parts waiting to be submitted: a bounded window in memory over the store's backlog. The gateway
/// enqueues a part once it is durably accepted; when the window is full the part is left in the store and read back
/// through <see cref="IDispatchBacklog"/> in id order as the window drains.
/// </summary>
/// <remarks>
/// <para>The two ways in (a live <see cref="Enqueue"/> after the commit, and refill from the store) never hand the
/// same part out twice. The queue keeps:</para>
/// <code>
/// owned       ids in memory or handed out and not yet completed (their outcome not yet durable)
/// cursor      every part the store ever gave us has an id ≤ cursor
/// spilled     parts above the cursor may be in the store and not in memory (some were left there)
/// rescan      parts at or below the cursor may be in the store and not in memory (late commits, hand-overs)
/// </code>
/// <para>A live part above the cursor cannot have come from the store, so it is taken if there is room and nothing
/// is spilled (or left in the store, which then is). A live part at or below the cursor may already have been read
/// and even finished, which memory alone cannot tell, so it is never taken live: the store is asked again from just
/// below it, and what the store still calls waiting is taken. Reads filter out owned parts, and parts completed while
/// the read was running (its snapshot may predate their outcome). The queue returns to taking live parts only after
/// a read found nothing more in the store and no part was left there while it ran.</para>
/// </remarks>
internal sealed partial class DispatchQueue : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly IDispatchBacklog _backlog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _loadRetryDelay;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<DispatchItem> _buffer = new();
    private readonly List<DispatchItem> _returned = [];
    private readonly HashSet<long> _owned = [];
    private readonly HashSet<long> _completedDuringLoad = [];
    private TaskCompletionSource _arrived = NewSignal();
    private bool _hasWaiters;
    private long _cursor;
    private long? _rescanAfter;
    private bool _spilled = true;
    private bool _loading;
    private bool _started;
    private bool _disposed;
    private long? _minLeftDuringLoad;
    private long _leftInStore;
    private long _loadedFromStore;

    /// <summary>Creates an empty queue that believes the store may hold parts (it reads them once started).</summary>
    public DispatchQueue(long supplierId, int capacity, IDispatchBacklog backlog, TimeSpan loadRetryDelay, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentNullException.ThrowIfNull(backlog);
        SupplierId = supplierId;
        Capacity = capacity;
        _backlog = backlog;
        _loadRetryDelay = loadRetryDelay;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The supplier whose parts these are.</summary>
    public long SupplierId { get; }

    /// <summary>Most parts kept in memory waiting (a read may overshoot it once, by at most as much again).</summary>
    public int Capacity { get; }

    /// <summary>Parts in memory waiting to be handed out.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return CountLocked;
            }
        }
    }

    /// <summary>Parts handed out whose outcome is not yet completed.</summary>
    public int InFlight
    {
        get
        {
            lock (_sync)
            {
                return _owned.Count - CountLocked;
            }
        }
    }

    /// <summary>True while the store may hold parts that are not in memory.</summary>
    public bool HasBacklog
    {
        get
        {
            lock (_sync)
            {
                return _spilled || _rescanAfter is not null;
            }
        }
    }

    /// <summary>Parts left in the store by <see cref="Enqueue"/> so far.</summary>
    public long LeftInStore => Interlocked.Read(ref _leftInStore);

    /// <summary>Parts taken from the store so far.</summary>
    public long LoadedFromStore => Interlocked.Read(ref _loadedFromStore);

    /// <summary>True while a read from the store is running (for tests).</summary>
    internal bool IsLoading
    {
        get
        {
            lock (_sync)
            {
                return _loading;
            }
        }
    }

    private int CountLocked => _buffer.Count + _returned.Count;

    private int LowWatermark => Capacity / 2;

    /// <summary>Starts reading the store's backlog (everything waiting for the supplier).</summary>
    public void Start()
    {
        lock (_sync)
        {
            _started = true;
        }

        Pump();
    }

    /// <summary>Offers a part that was just durably accepted (or handed over from another supplier).</summary>
    public DispatchAdmission Enqueue(DispatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = item.PartId.Value;
        DispatchAdmission admission;
        lock (_sync)
        {
            admission = AdmitLocked(item, id);
        }

        if (admission == DispatchAdmission.LeftInStore)
        {
            Interlocked.Increment(ref _leftInStore);
            Pump();
        }

        return admission;
    }

    /// <summary>Takes the next part if one is in memory; reading the store is started as needed.</summary>
    public bool TryDequeue(out DispatchItem item)
    {
        bool taken;
        lock (_sync)
        {
            taken = TryTakeLocked(out item!);
        }

        Pump();
        return taken;
    }

    /// <summary>Waits for the next part. A cancelled wait takes nothing.</summary>
    public async ValueTask<DispatchItem> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DispatchItem? taken = null;
            Task arrived = Task.CompletedTask;
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (TryTakeLocked(out var item))
                {
                    taken = item;
                }
                else
                {
                    _hasWaiters = true;
                    arrived = _arrived.Task;
                }
            }

            Pump();
            if (taken is not null)
            {
                return taken;
            }

            await arrived.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The part's outcome (accepted, rejected, failed over) is durably stored: the queue forgets it. Call only after
    /// the outcome call has completed, or a read running meanwhile could bring it back.
    /// </summary>
    public void Complete(MessageId partId)
    {
        lock (_sync)
        {
            if (_owned.Remove(partId.Value) && _loading)
            {
                _completedDuringLoad.Add(partId.Value);
            }
        }
    }

    /// <summary>Gives a handed-out part back, unfinished: it goes to the front, ahead of parts never handed out.</summary>
    public void Return(DispatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_sync)
        {
            _owned.Add(item.PartId.Value);
            var index = _returned.FindIndex(r => r.PartId > item.PartId);
            _returned.Insert(index < 0 ? _returned.Count : index, item);
            SignalLocked();
        }
    }

    /// <summary>Stops reading the store and fails waiting callers.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _arrived.TrySetException(new ObjectDisposedException(nameof(DispatchQueue)));
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DispatchAdmission AdmitLocked(DispatchItem item, long id)
    {
        if (_owned.Contains(id))
        {
            return DispatchAdmission.AlreadyHeld;
        }

        if (id <= _cursor)
        {
            // The store may already have given us this part, and it may even be finished: let the store decide.
            _rescanAfter = Math.Min(_rescanAfter ?? long.MaxValue, id - 1);
            return DispatchAdmission.LeftInStore;
        }

        if (_spilled || CountLocked >= Capacity)
        {
            // Parts above the cursor that were left in the store come back with the next read, in id order.
            _spilled = true;
            if (_loading)
            {
                _minLeftDuringLoad = Math.Min(_minLeftDuringLoad ?? long.MaxValue, id);
            }

            return DispatchAdmission.LeftInStore;
        }

        _owned.Add(id);
        _buffer.Enqueue(item);
        SignalLocked();
        return DispatchAdmission.Taken;
    }

    private bool TryTakeLocked(out DispatchItem item)
    {
        if (_returned.Count > 0)
        {
            item = _returned[0];
            _returned.RemoveAt(0);
            return true;
        }

        return _buffer.TryDequeue(out item!);
    }

    private void SignalLocked()
    {
        if (!_hasWaiters)
        {
            return;
        }

        _hasWaiters = false;
        var arrived = _arrived;
        _arrived = NewSignal();
        arrived.TrySetResult();
    }
}
