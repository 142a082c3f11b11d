using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.MobileOriginated;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Server.Options;
using Pigeon.Server.SmppFront;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// Owns the gateway's <see cref="MoReassembly"/>: MO from suppliers go through <see cref="AcceptAsync"/>; a sweep
/// at start (sets a crash left complete or overdue) and then every <see cref="MoOptions.SweepInterval"/> stores
/// what the time-out releases. Every MO stored wakes its customer's delivery. Starts after the core, before
/// dispatch, so no supplier MO arrives before it is ready.
/// </summary>
internal sealed partial class MoReassemblyService : BackgroundService
{
    private readonly GatewayCore _core;
    private readonly CustomerDeliveryNotifier _notifier;
    private readonly GatewayMetrics _metrics;
    private readonly MoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private MoReassembly? _reassembly;

    public MoReassemblyService(GatewayCore core, CustomerDeliveryNotifier notifier, GatewayMetrics metrics, IOptions<PigeonOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _core = core;
        _notifier = notifier;
        _metrics = metrics;
        _options = options.Value.Mo;
        _time = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MoReassemblyService>();
    }

    private MoReassembly Reassembly => _reassembly ?? throw new InvalidOperationException("MO reassembly has not started.");

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _reassembly = new MoReassembly(_core.Writer, _core.Store.Messages, _options.ReassemblyTimeout, _time, _loggerFactory.CreateLogger<MoReassembly>());
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stores the MO or holds its part (durably: the supplier may be answered when this completes).</summary>
    public async ValueTask AcceptAsync(long supplierId, DeliverSm deliver, InboundNumber? owner, CancellationToken cancellationToken)
    {
        var outcome = await Reassembly.AcceptAsync(supplierId, deliver, owner, cancellationToken);
        Record(outcome);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, _time);
        do
        {
            try
            {
                foreach (var outcome in await Reassembly.SweepAsync(stoppingToken))
                {
                    Record(outcome);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                SweepFailed(_logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async ValueTask<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(1101, LogLevel.Error, "The MO reassembly sweep failed; it runs again at the next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);

    private void Record(MoOutcome outcome)
    {
        _metrics.MoIn(outcome.Kind switch
        {
            MoOutcomeKind.Stored when outcome.Mo?.CustomerId is null => "unowned",
            MoOutcomeKind.Stored => "stored",
            MoOutcomeKind.PartHeld => "part_held",
            MoOutcomeKind.Repeat => "repeat",
            MoOutcomeKind.Assembled => "assembled",
            _ => "incomplete",
        });
        if (outcome.Mo?.CustomerId is { } customer)
        {
            _notifier.WakeCustomer(customer);
        }
    }
}
