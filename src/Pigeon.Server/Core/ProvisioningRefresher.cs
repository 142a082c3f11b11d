using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Server.Dispatch;
using Pigeon.Server.Options;

namespace Pigeon.Server.Core;

/// <summary>
/// Picks up what operators change in the store while the gateway runs (customers, SMPP accounts, sender ids,
/// inbound numbers, suppliers, routes), by reading the provisioning snapshot every
/// <see cref="PigeonOptions.ProvisioningRefreshInterval"/>; changed suppliers are applied to dispatch.
/// </summary>
internal sealed class ProvisioningRefresher : BackgroundService
{
    private readonly GatewayCore _core;
    private readonly DispatchService _dispatch;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ProvisioningRefresher(GatewayCore core, DispatchService dispatch, IOptions<PigeonOptions> options, TimeProvider timeProvider, ILogger<ProvisioningRefresher> logger)
    {
        _core = core;
        _dispatch = dispatch;
        _interval = options.Value.ProvisioningRefreshInterval;
        _time = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await _core.ReloadAsync(stoppingToken))
                    {
                        await _dispatch.ApplySuppliersAsync(_core.Suppliers, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    GatewayLog.RefreshFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
