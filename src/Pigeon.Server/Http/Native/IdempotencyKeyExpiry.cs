using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Forgets keyed requests older than <see cref="NativeApiLimits.IdempotencyKeyLifetime"/> every
/// <see cref="Interval"/>, so the table holds about a day of keys. (An answer older than its lifetime is
/// ignored when looked up even before it is forgotten.)
/// </summary>
internal sealed class IdempotencyKeyExpiry(GatewayCore core, TimeProvider timeProvider, ILogger<IdempotencyKeyExpiry> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!core.IsStarted)
                {
                    continue;
                }

                try
                {
                    await core.Store.Provisioning.ForgetRequestsAsync(timeProvider.GetUtcNow() - NativeApiLimits.IdempotencyKeyLifetime, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not forget old idempotency keys");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
