using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Server.Options;
using Pigeon.Simulator;

namespace Pigeon.Server.Simulator;

/// <summary>
/// The SMSC simulator on loopback, the default supplier of a new installation (supplier "sim"). Started first and
/// stopped last, so the dispatch side finds it at start and can still unbind from it at shutdown.
/// </summary>
internal sealed class BuiltInSimulatorService : IHostedService, IAsyncDisposable
{
    private readonly BuiltInSimulatorOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private SmscSimulator? _simulator;

    public BuiltInSimulatorService(IOptions<PigeonOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options.Value.Simulator;
        _loggerFactory = loggerFactory;
        _time = timeProvider;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var simulator = new SmscSimulator(
            new SimulatorOptions { Host = "127.0.0.1", Port = _options.Port, ReceiptDelay = _options.ReceiptDelay, StatsInterval = TimeSpan.Zero },
            _loggerFactory,
            _time);
        await simulator.StartAsync(cancellationToken);
        _simulator = simulator;
        GatewayLog.SimulatorListening(_loggerFactory.CreateLogger<BuiltInSimulatorService>(), simulator.LocalEndPoint.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _simulator, null) is { } simulator)
        {
            await simulator.StopAsync(cancellationToken);
            await simulator.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
