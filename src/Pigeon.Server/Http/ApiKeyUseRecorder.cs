using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http;

/// <summary>
/// Writes API keys' last-used times gathered by <see cref="ApiKeyAuthenticator"/>, every
/// <see cref="Interval"/> and once more on stop, so keeping them costs no write per request.
/// </summary>
internal sealed class ApiKeyUseRecorder : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly ApiKeyAuthenticator _authenticator;
    private readonly GatewayCore _core;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ApiKeyUseRecorder(ApiKeyAuthenticator authenticator, GatewayCore core, TimeProvider timeProvider, ILogger<ApiKeyUseRecorder> logger)
    {
        _authenticator = authenticator;
        _core = core;
        _time = timeProvider;
        _logger = logger;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var uses = _authenticator.TakeUses();
        if (uses.Count == 0 || !_core.IsStarted)
        {
            return;
        }

        try
        {
            await _core.Store.Provisioning.RecordApiKeyUsesAsync(uses, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last-used times are a convenience for operators; losing one round of them is not worth failing over.
            _logger.LogWarning(e, "Could not record the last use of {Count} API keys", uses.Count);
        }
    }
}
