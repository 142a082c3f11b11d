using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pigeon.Server.Core;
using Pigeon.Server.SmppFront;

namespace Pigeon.Server.Observability;

/// <summary>/health: the store answers a read and the SMPP listener is accepting.</summary>
internal sealed class GatewayHealthCheck : IHealthCheck
{
    private readonly GatewayCore _core;
    private readonly SmppListenerService _listener;

    public GatewayHealthCheck(GatewayCore core, SmppListenerService listener)
    {
        _core = core;
        _listener = listener;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_core.IsStarted)
        {
            return HealthCheckResult.Unhealthy("The store is not open.");
        }

        try
        {
            await _core.Store.Provisioning.ListSuppliersAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }

        return _listener.LocalEndPoint is { } endPoint
            ? HealthCheckResult.Healthy($"Store {_core.Store.Engine} reachable; SMPP listening on {endPoint}.")
            : HealthCheckResult.Unhealthy("The SMPP listener is not accepting.");
    }
}
