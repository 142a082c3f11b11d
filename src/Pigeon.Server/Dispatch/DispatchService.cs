using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Dispatch;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Server.Options;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// Runs the <see cref="DispatchCoordinator"/>: one connector per supplier of the provisioning snapshot, each reading
/// its backlog from the store on start (so a restart resumes), unbinding every supplier on stop. Scheduled parts are
/// offered to their queue once a second when due.
/// </summary>
internal sealed class DispatchService : IHostedService, IAsyncDisposable
{
    private readonly GatewayCore _core;
    private readonly StoredDispatchOutcomes _outcomes;
    private readonly ScheduledParts _scheduled;
    private readonly GatewayMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly DispatchOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private DispatchCoordinator? _coordinator;
    private Task _releasing = Task.CompletedTask;

    public DispatchService(GatewayCore core, StoredDispatchOutcomes outcomes, ScheduledParts scheduled, GatewayMetrics metrics, IOptions<PigeonOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options.Value.Dispatch;
        _core = core;
        _outcomes = outcomes;
        _scheduled = scheduled;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _time = timeProvider;
    }

    /// <summary>Offers a durably stored part to its supplier's queue; false before start or for an unknown supplier.</summary>
    public bool Enqueue(DispatchItem item) => _coordinator?.Enqueue(item) ?? false;

    /// <summary>Applies changed supplier settings (and added or removed suppliers) at run time.</summary>
    public async Task ApplySuppliersAsync(IReadOnlyCollection<Gateway.Routing.Supplier> suppliers, CancellationToken cancellationToken)
    {
        if (_coordinator is { } coordinator)
        {
            await coordinator.ApplyAllAsync(suppliers, cancellationToken);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _coordinator = new DispatchCoordinator(_outcomes, new StoredDispatchBacklog(_core, _scheduled, _time), _options, _loggerFactory, _time);
        var coordinator = _coordinator;
        _metrics.ObserveSuppliers(coordinator.GetStates);
        await coordinator.ApplyAllAsync(_core.Suppliers, cancellationToken);
        _releasing = ReleaseScheduledAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
            await _releasing;
        }

        if (Interlocked.Exchange(ref _coordinator, null) is { } coordinator)
        {
            _metrics.ObserveSuppliers(static () => []);
            await coordinator.DisposeAsync();
        }
    }

    private async Task ReleaseScheduledAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var item in _scheduled.TakeDue(_time.GetUtcNow()))
                {
                    Enqueue(item);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
