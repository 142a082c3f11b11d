using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// Reading the store: one read at a time, started when the window has drained to half and the store may hold parts
/// the queue does not (spilled above the cursor, or a rescan asked for below it), merged without taking a part twice.
/// </summary>
internal sealed partial class DispatchQueue
{
    /// <summary>Starts a read from the store if one is needed, none is running and there is room.</summary>
    private void Pump()
    {
        LoadPlan plan;
        lock (_sync)
        {
            if (!_started || _disposed || _loading || CountLocked > LowWatermark)
            {
                return;
            }

            if (_rescanAfter is { } rescan)
            {
                plan = new LoadPlan(rescan, Capacity - CountLocked, BelowCursorOnly: !_spilled);
                _rescanAfter = null;
            }
            else if (_spilled)
            {
                plan = new LoadPlan(_cursor, Capacity - CountLocked, BelowCursorOnly: false);
            }
            else
            {
                return;
            }

            _loading = true;
            _minLeftDuringLoad = null;
            _completedDuringLoad.Clear();
        }

        _ = LoadAsync(plan);
    }

    private async Task LoadAsync(LoadPlan plan)
    {
        IReadOnlyList<DispatchItem> parts;
        try
        {
            parts = await _backlog.LoadAsync(SupplierId, new MessageId(plan.After), plan.Limit, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failed read is logged and tried again later; the queue must live on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DispatchLog.BacklogReadFailed(_logger, ex, SupplierId, _loadRetryDelay);
            await RetryLaterAsync(plan);
            return;
        }

        Merge(plan, parts);
        Pump();
    }

    private async Task RetryLaterAsync(LoadPlan plan)
    {
        lock (_sync)
        {
            if (plan.After < _cursor)
            {
                _rescanAfter = Math.Min(_rescanAfter ?? long.MaxValue, plan.After);
            }
        }

        try
        {
            await Task.Delay(_loadRetryDelay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        lock (_sync)
        {
            _loading = false;
        }

        Pump();
    }

    private void Merge(LoadPlan plan, IReadOnlyList<DispatchItem> parts)
    {
        var taken = 0;
        lock (_sync)
        {
            _loading = false;
            var last = plan.After;
            foreach (var part in parts)
            {
                var id = part.PartId.Value;
                if (id <= plan.After)
                {
                    // Not what was asked for; ignoring it keeps every read moving forward.
                    continue;
                }

                last = Math.Max(last, id);
                if (plan.BelowCursorOnly && id > _cursor)
                {
                    // Taking live parts: above the cursor the live path owns them.
                    continue;
                }

                if (_owned.Contains(id) || _completedDuringLoad.Contains(id))
                {
                    continue;
                }

                _owned.Add(id);
                _buffer.Enqueue(part);
                taken++;
            }

            var exhausted = parts.Count < plan.Limit;
            if (!plan.BelowCursorOnly)
            {
                _cursor = Math.Max(_cursor, last);
            }

            if (!exhausted && last < _cursor)
            {
                // A rescan that filled its batch below the cursor: carry on from where it stopped.
                _rescanAfter = Math.Min(_rescanAfter ?? long.MaxValue, last);
            }

            if (_minLeftDuringLoad is { } left && left <= _cursor)
            {
                // Left in the store while the read ran, perhaps committed after its snapshot, now below the cursor.
                _rescanAfter = Math.Min(_rescanAfter ?? long.MaxValue, left - 1);
            }

            if (_spilled && !plan.BelowCursorOnly && exhausted && _minLeftDuringLoad is null && _rescanAfter is null)
            {
                _spilled = false;
            }

            _minLeftDuringLoad = null;
            _completedDuringLoad.Clear();
            if (taken > 0)
            {
                SignalLocked();
            }
        }

        Interlocked.Add(ref _loadedFromStore, taken);
    }

    /// <summary>One read: parts above <see cref="After"/>, at most <see cref="Limit"/>.</summary>
    private readonly record struct LoadPlan(long After, int Limit, bool BelowCursorOnly);
}
