namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// Watching whether the supplier can take submits at all. Admin-down, or up with no bind bound, for longer than
/// <see cref="DispatchOptions.UnavailableFailoverAfter"/>: every part queued for it (held by binds, in memory, in
/// the store, and any that arrive meanwhile) fails over to the next supplier of its route, until a bind is bound
/// again. Suspended submits are an operator's choice to hold traffic, not unavailability.
/// </summary>
internal sealed partial class SupplierConnector
{
    private long _unavailableSince;
    private CancellationTokenSource? _drainStop;
    private Task _drain = Task.CompletedTask;

    private async Task WatchAvailabilityAsync(CancellationToken stopping)
    {
        var threshold = _options.UnavailableFailoverAfter;
        var period = threshold == Timeout.InfiniteTimeSpan
            ? TimeSpan.FromSeconds(1)
            : TimeSpan.FromTicks(Math.Clamp(threshold.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await CheckAvailabilityAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CheckAvailabilityAsync()
    {
        if (Supplier.AdminUp && BoundBinds > 0)
        {
            Volatile.Write(ref _unavailableSince, 0);
            await StopDrainAsync();
            return;
        }

        var now = _time.GetTimestamp();
        var since = Volatile.Read(ref _unavailableSince);
        if (since == 0)
        {
            Volatile.Write(ref _unavailableSince, Math.Max(1, now));
            return;
        }

        var threshold = _options.UnavailableFailoverAfter;
        var down = _time.GetElapsedTime(since, now);
        if (threshold == Timeout.InfiniteTimeSpan || down < threshold)
        {
            return;
        }

        // Parts a bind held for a retry would otherwise wait for that bind's link to come back.
        foreach (var bind in Volatile.Read(ref _binds))
        {
            foreach (var held in bind.TakeHeld())
            {
                Queue.Return(held.Item);
            }
        }

        if (_drainStop is null)
        {
            DispatchLog.SupplierUnavailable(_logger, SupplierId, down);
            var reason = $"supplier {SupplierId} unavailable for longer than {threshold}";
            _drainStop = new CancellationTokenSource();
            _drain = DrainAsync(reason, _drainStop.Token);
        }
    }

    private async Task StopDrainAsync()
    {
        if (_drainStop is null)
        {
            return;
        }

        await _drainStop.CancelAsync();
        await _drain;
        _drainStop.Dispose();
        _drainStop = null;
    }

    private Task DrainAsync(string reason, CancellationToken stop)
    {
        var workers = new Task[_options.FailoverConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = FailOverQueuedAsync(reason, stop);
        }

        return Task.WhenAll(workers);
    }

    private async Task FailOverQueuedAsync(string reason, CancellationToken stop)
    {
        while (true)
        {
            DispatchItem item;
            try
            {
                item = await Queue.DequeueAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await FailOverAsync(new SubmitAttempt(item, sequence: 0) { LastFailure = reason }, reason);
            }
            catch (OperationCanceledException) when (IsDisposing)
            {
                return;
            }
        }
    }
}
