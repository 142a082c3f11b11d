using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// The dispatch side of the gateway: one connector per supplier (its queue, binds, TPS cap, retries and failover),
/// parts routed to the queue of the supplier they are assigned to, supplier changes applied at run time, and each
/// supplier's state for statistics. Outcomes, receipts and MO are reported through <see cref="IDispatchOutcomes"/>;
/// queues read what does not fit in memory from <see cref="IDispatchBacklog"/>.
/// </summary>
/// <remarks>
/// Call <see cref="Enqueue"/> after a part is durably accepted (or whenever the store assigns a part to a
/// supplier); a part that does not fit in memory simply stays in the store until its queue has room. On start each
/// supplier's queue reads everything waiting for it, so a restart resumes where the last run stopped.
/// </remarks>
public sealed class DispatchCoordinator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, SupplierConnector> _connectors = new();
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly IDispatchOutcomes _outcomes;
    private readonly IDispatchBacklog _backlog;
    private readonly DispatchOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates a coordinator with no suppliers; add them with <see cref="ApplyAsync"/>.</summary>
    /// <param name="outcomes">Where outcomes, receipts and MO are durably stored.</param>
    /// <param name="backlog">Where queues read the parts that did not fit in memory.</param>
    /// <param name="options">Shared dispatch settings; defaults when null.</param>
    /// <param name="loggerFactory">Optional loggers.</param>
    /// <param name="timeProvider">The clock of every time-out, back-off and rate; the system clock when null.</param>
    public DispatchCoordinator(
        IDispatchOutcomes outcomes,
        IDispatchBacklog backlog,
        DispatchOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(backlog);
        _options = options ?? new DispatchOptions();
        _options.Validate();
        _outcomes = outcomes;
        _backlog = backlog;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<DispatchCoordinator>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The suppliers being dispatched to.</summary>
    public IReadOnlyCollection<long> SupplierIds => [.. _connectors.Keys];

    /// <summary>
    /// Adds a supplier (its queue starts reading its backlog, its binds open if admin-up) or applies changed
    /// settings to one already known: TPS and suspend/resume at once, admin down/up closing or opening the binds,
    /// changed connection settings reopening them.
    /// </summary>
    /// <exception cref="ArgumentException">A setting no bind could use (e.g. a password over 8 characters).</exception>
    public async Task ApplyAsync(Supplier supplier, CancellationToken cancellationToken = default)
    {
        SupplierSettings.Validate(supplier);
        await _control.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connectors.TryGetValue(supplier.Id, out var existing))
            {
                await existing.ApplyAsync(supplier, cancellationToken);
                return;
            }

            var connector = new SupplierConnector(
                supplier,
                _outcomes,
                _backlog,
                HandOver,
                _options,
                _loggerFactory.CreateLogger($"{typeof(SupplierConnector).FullName}.{supplier.Id}"),
                _time);
            _connectors[supplier.Id] = connector;
            await connector.StartAsync(cancellationToken);
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Makes the set of suppliers exactly <paramref name="suppliers"/>: adds, updates, and removes the rest.</summary>
    public async Task ApplyAllAsync(IReadOnlyCollection<Supplier> suppliers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        foreach (var supplier in suppliers)
        {
            await ApplyAsync(supplier, cancellationToken);
        }

        var wanted = suppliers.Select(s => s.Id).ToHashSet();
        foreach (var id in _connectors.Keys.Where(id => !wanted.Contains(id)).ToArray())
        {
            await RemoveAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// Stops dispatching to a supplier: its binds unbind and its queue is dropped from memory. Parts still assigned
    /// to it stay in the store (and are read again if it is added back).
    /// </summary>
    public async Task<bool> RemoveAsync(long supplierId, CancellationToken cancellationToken = default)
    {
        await _control.WaitAsync(cancellationToken);
        try
        {
            if (!_connectors.TryRemove(supplierId, out var connector))
            {
                return false;
            }

            await connector.DisposeAsync();
            return true;
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>
    /// Offers a durably stored part to the queue of <see cref="DispatchItem.SupplierId"/>. False when that supplier is
    /// not known here; the part then waits in the store.
    /// </summary>
    public bool Enqueue(DispatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_connectors.TryGetValue(item.SupplierId, out var connector))
        {
            return false;
        }

        connector.Enqueue(item);
        return true;
    }

    /// <summary>One supplier's state; null when it is not known here.</summary>
    public SupplierDispatchState? GetState(long supplierId) =>
        _connectors.TryGetValue(supplierId, out var connector) ? connector.GetState() : null;

    /// <summary>Every supplier's state, by supplier id.</summary>
    public IReadOnlyList<SupplierDispatchState> GetStates() =>
        [.. _connectors.Values.Select(c => c.GetState()).OrderBy(s => s.SupplierId)];

    /// <summary>Unbinds every supplier and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await Task.WhenAll(_connectors.Values.Select(c => c.DisposeAsync().AsTask()));
            _connectors.Clear();
        }
        finally
        {
            _control.Release();
        }
    }

    private void HandOver(DispatchItem item)
    {
        if (!Enqueue(item))
        {
            DispatchLog.UnknownSupplier(_logger, item.PartId.Value, item.SupplierId);
        }
    }
}
