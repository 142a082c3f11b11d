using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Gateway.Routing;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// Everything Pigeon does with one supplier: its queue, <see cref="Supplier.Binds"/> transceiver binds of window
/// <see cref="Supplier.Window"/>, a TPS cap over all of them, admin up/down (binds opened or closed) and
/// suspend/resume (binds stay up, receipts flow, submits wait). It reports every outcome through
/// <see cref="IDispatchOutcomes"/> and settles a part only once that report is durable; parts that keep failing, or
/// wait on a supplier that stays unavailable, go to the next supplier of their route.
/// </summary>
internal sealed partial class SupplierConnector : IAsyncDisposable
{
    private readonly IDispatchOutcomes _outcomes;
    private readonly Action<DispatchItem> _handOver;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private Supplier _supplier;
    private SupplierBind[] _binds = [];
    private bool _bindsOpen;
    private Task _monitor = Task.CompletedTask;
    private int _disposed;

    public SupplierConnector(
        Supplier supplier,
        IDispatchOutcomes outcomes,
        IDispatchBacklog backlog,
        Action<DispatchItem> handOver,
        DispatchOptions options,
        ILogger? logger,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        _supplier = supplier;
        _outcomes = outcomes;
        _handOver = handOver;
        _options = options;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        Queue = new DispatchQueue(supplier.Id, options.QueueCapacity, backlog, options.StoreRetryDelay, timeProvider, _logger);
        Limiter = new SupplierSubmitPacer(supplier.Tps, options.TpsBurstWindow, timeProvider);
        Gate = new SubmitGate(open: !supplier.SubmitSuspended);
        Counters = new SupplierCounters(timeProvider);
        Inbound = new SupplierInboundHandler(supplier.Id, outcomes, Counters, _logger);
    }

    public long SupplierId => _supplier.Id;

    /// <summary>The settings in force.</summary>
    public Supplier Supplier => Volatile.Read(ref _supplier);

    public DispatchQueue Queue { get; }

    public SupplierSubmitPacer Limiter { get; }

    /// <summary>Closed while submits are suspended.</summary>
    public SubmitGate Gate { get; }

    public SupplierCounters Counters { get; }

    public SupplierInboundHandler Inbound { get; }

    /// <summary>True once disposal has begun.</summary>
    public bool IsDisposing => _disposing.IsCancellationRequested;

    /// <summary>Binds bound right now.</summary>
    public int BoundBinds => Volatile.Read(ref _binds).Count(b => b.IsBound);

    /// <summary>Starts reading the backlog, opens the binds if the supplier is admin-up, and starts watching availability.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _control.WaitAsync(cancellationToken);
        try
        {
            Queue.Start();
            if (_supplier.AdminUp)
            {
                OpenBinds(_supplier);
            }

            _monitor = WatchAvailabilityAsync(_disposing.Token);
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>
    /// Applies changed settings: TPS at once; suspend/resume at once (submits in flight finish); admin down closes
    /// the binds, admin up opens them; changed connection settings (address, credentials, binds, window, TLS)
    /// reopen them.
    /// </summary>
    public async Task ApplyAsync(Supplier updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (updated.Id != SupplierId)
        {
            throw new ArgumentException($"Supplier {updated.Id} is not supplier {SupplierId}.", nameof(updated));
        }

        await _control.WaitAsync(cancellationToken);
        try
        {
            var previous = _supplier;
            Volatile.Write(ref _supplier, updated);
            if (previous.Tps != updated.Tps)
            {
                Limiter.SetRate(updated.Tps, _options.TpsBurstWindow);
            }

            if (previous.SubmitSuspended != updated.SubmitSuspended)
            {
                if (updated.SubmitSuspended)
                {
                    Gate.Close();
                }
                else
                {
                    Gate.Open();
                }

                DispatchLog.SubmitStateChanged(_logger, SupplierId, updated.Name, updated.SubmitSuspended ? "suspended" : "resumed");
            }

            var open = _bindsOpen;
            if (!updated.AdminUp)
            {
                if (open)
                {
                    await CloseBindsAsync();
                    DispatchLog.AdminStateChanged(_logger, SupplierId, updated.Name, "down");
                }
            }
            else if (!open)
            {
                OpenBinds(updated);
                DispatchLog.AdminStateChanged(_logger, SupplierId, updated.Name, "up");
            }
            else if (ConnectionChanged(previous, updated))
            {
                await CloseBindsAsync();
                OpenBinds(updated);
            }
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Offers a durably accepted part to the queue.</summary>
    public DispatchAdmission Enqueue(DispatchItem item) => Queue.Enqueue(item);

    /// <summary>A snapshot for statistics.</summary>
    public SupplierDispatchState GetState()
    {
        var supplier = Supplier;
        var since = Volatile.Read(ref _unavailableSince);
        return new SupplierDispatchState
        {
            SupplierId = supplier.Id,
            Name = supplier.Name,
            AdminUp = supplier.AdminUp,
            SubmitSuspended = supplier.SubmitSuspended,
            Binds = supplier.Binds,
            BoundBinds = BoundBinds,
            Queued = Queue.Count,
            BacklogInStore = Queue.HasBacklog,
            InFlight = Queue.InFlight,
            SubmittedToday = Counters.AcceptedToday,
            SubmitsSent = Counters.Submits,
            Accepted = Counters.Accepted,
            Rejected = Counters.Rejected,
            FailedOver = Counters.FailedOver,
            Throttled = Counters.Throttled,
            TemporaryFailures = Counters.TemporaryFailures,
            Receipts = Counters.Receipts,
            MobileOriginated = Counters.MobileOriginatedMessages,
            UnavailableSince = since == 0 ? null : _time.GetUtcNow() - _time.GetElapsedTime(since),
        };
    }

    /// <summary>The supplier took the part: store its id, then settle the part.</summary>
    public async Task AcceptAsync(SubmitAttempt attempt, string supplierMessageId)
    {
        var item = attempt.Reported;
        if (supplierMessageId.Length == 0)
        {
            DispatchLog.EmptyMessageId(_logger, SupplierId, item.PartId.Value);
        }

        while (true)
        {
            try
            {
                await _outcomes.AcceptedAsync(item, SupplierId, supplierMessageId, CancellationToken.None);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await WaitBeforeStoringAgainAsync(ex, item);
            }
        }

        Queue.Complete(item.PartId);
        Counters.Accept();
    }

    /// <summary>The supplier refused the part for good.</summary>
    public async Task RejectAsync(SubmitAttempt attempt, CommandStatus status)
    {
        DispatchLog.Rejected(_logger, SupplierId, attempt.Item.PartId.Value, status);
        await RejectCoreAsync(attempt.Reported, status);
    }

    /// <summary>
    /// Hands the part to the next supplier of its route (stored first, then offered to that supplier's queue), or
    /// rejects it with its last status when the route has none left. A store that answers false has not moved the
    /// part (it is no longer waiting); it is settled here and handed to no one.
    /// </summary>
    public async Task FailOverAsync(SubmitAttempt attempt, string reason)
    {
        var item = attempt.Reported;
        if (item.FailoverSupplierIds.Count == 0)
        {
            var status = attempt.LastStatus ?? SupplierStatusClassifier.NoAnswerStatus;
            DispatchLog.NoSupplierLeft(_logger, item.PartId.Value, SupplierId, reason, status);
            await RejectCoreAsync(item, status);
            return;
        }

        var to = item.FailoverSupplierIds[0];
        DispatchLog.FailedOver(_logger, item.PartId.Value, SupplierId, to, reason);
        bool moved;
        while (true)
        {
            try
            {
                moved = await _outcomes.FailedOverAsync(item, SupplierId, to, reason, CancellationToken.None);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await WaitBeforeStoringAgainAsync(ex, item);
            }
        }

        Queue.Complete(item.PartId);
        Counters.FailOver();
        if (moved)
        {
            _handOver(item with { SupplierId = to, FailoverSupplierIds = [.. item.FailoverSupplierIds.Skip(1)] });
        }
    }

    /// <summary>Closes the binds (unbinding), stops watching and reading the backlog.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync();
        await _monitor;
        await StopDrainAsync();
        await _control.WaitAsync();
        try
        {
            await CloseBindsAsync();
        }
        finally
        {
            _control.Release();
        }

        await Queue.DisposeAsync();
        Gate.Open();
        _disposing.Dispose();
    }

    private static bool ConnectionChanged(Supplier a, Supplier b) =>
        a.Host != b.Host || a.Port != b.Port || a.SystemId != b.SystemId || a.Password != b.Password
        || a.SystemType != b.SystemType || a.Binds != b.Binds || a.Window != b.Window || a.UseTls != b.UseTls;

    private async Task RejectCoreAsync(DispatchItem item, CommandStatus status)
    {
        while (true)
        {
            try
            {
                await _outcomes.RejectedAsync(item, SupplierId, status, CancellationToken.None);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await WaitBeforeStoringAgainAsync(ex, item);
            }
        }

        Queue.Complete(item.PartId);
        Counters.Reject();
    }

    /// <summary>An outcome that cannot be stored is never skipped: wait and store it again (until shutdown).</summary>
    private async Task WaitBeforeStoringAgainAsync(Exception exception, DispatchItem item)
    {
        DispatchLog.OutcomeStoreFailed(_logger, exception, SupplierId, item.PartId.Value, _options.StoreRetryDelay);
        await Task.Delay(_options.StoreRetryDelay, _time, _disposing.Token);
    }

    private void OpenBinds(Supplier supplier)
    {
        var binds = new SupplierBind[Math.Max(0, supplier.Binds)];
        for (var i = 0; i < binds.Length; i++)
        {
            binds[i] = new SupplierBind(this, supplier, i, _options, _time, _logger);
        }

        Volatile.Write(ref _binds, binds);
        _bindsOpen = true;
        foreach (var bind in binds)
        {
            bind.Start();
        }
    }

    private async Task CloseBindsAsync()
    {
        var binds = _binds;
        Volatile.Write(ref _binds, []);
        _bindsOpen = false;
        await Task.WhenAll(binds.Select(b => b.DisposeAsync().AsTask()));
    }
}
