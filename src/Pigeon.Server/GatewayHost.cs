using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Limits;
using Pigeon.Server.Core;
using Pigeon.Server.Dispatch;
using Pigeon.Server.Http;
using Pigeon.Server.Http.Dialect001;
using Pigeon.Server.Http.Dialect002;
using Pigeon.Server.Http.Native;
using Pigeon.Server.Observability;
using Pigeon.Server.Options;
using Pigeon.Server.Simulator;
using Pigeon.Server.SmppFront;
using Pigeon.Server.Startup;
using Pigeon.Server.Webhooks;
using Prometheus;

namespace Pigeon.Server;

/// <summary>
/// `pigeon serve`: the whole gateway in one process. Settings come from the "Pigeon" section of configuration
/// (appsettings.json in the working directory, PIGEON__… environment variables, then the command line's
/// <c>overrides</c>) and are validated before anything starts.
/// <para>
/// The parts start in this order and stop in the reverse: built-in simulator; <see cref="GatewayCore"/> (store,
/// migrations, first start, provisioning snapshot, group-commit writer); dispatch to suppliers; the customer
/// delivery notifier; webhook delivery; the SMPP listener. So the listener accepts only when everything behind it runs, and on
/// shutdown it stops first (customers unbound), dispatch unbinds the suppliers, and the writer drains last.
/// </para>
/// </summary>
public static class GatewayHost
{
    /// <summary>Exit code of a run that stopped as asked.</summary>
    public const int Success = 0;

    /// <summary>Exit code of bad settings or a start that failed.</summary>
    public const int Failure = 1;

    /// <summary>Runs the gateway until <paramref name="cancellationToken"/> is cancelled; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        WebApplication built;
        PigeonOptions options;
        try
        {
            // Building resolves the HTTP listener, which reads (and so validates) the settings.
            built = Build(overrides, output);
            options = built.Services.GetRequiredService<IOptions<PigeonOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("pigeon serve: bad settings:\n  " + string.Join("\n  ", e.Failures));
            return Failure;
        }

        await using var app = built;

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"pigeon serve: cannot start: {e.Message}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            return Success;
        }

        var smpp = app.Services.GetRequiredService<SmppListenerService>().LocalEndPoint;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pigeon serve: SMPP on {smpp}, HTTP on {options.Http.Host}:{options.Http.Port}, data in {Path.GetFullPath(options.DataDirectory)}"));
        await output.FlushAsync(CancellationToken.None);

        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        await output.WriteLineAsync("pigeon serve: stopped");
        await output.FlushAsync(CancellationToken.None);
        return Success;
    }

    private static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // The webhook client's per-request lines would repeat every customer URL at every attempt.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        var services = builder.Services;
        services.AddOptions<PigeonOptions>().Bind(builder.Configuration.GetSection(PigeonOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PigeonOptions>, PigeonOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<PigeonOptions>>((kestrel, pigeon) =>
        {
            kestrel.Listen(IPAddress.Parse(pigeon.Value.Http.Host), pigeon.Value.Http.Port);
            kestrel.Limits.MaxRequestBodySize = pigeon.Value.Http.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FirstStartProvisioning(sp.GetRequiredService<IOptions<PigeonOptions>>(), output, sp.GetRequiredService<ILogger<FirstStartProvisioning>>()));
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<CustomerSessionRegistry>();
        services.AddSingleton<StoredDispatchOutcomes>();
        services.AddSingleton<ScheduledParts>();
        services.AddSingleton<MessageAcceptance>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiRequestLimiter>();
        services.AddKeyedSingleton(ApiKeyMessageRate.ServiceKey, static (sp, _) => new TpsLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddProblemDetails();
        services.AddSingleton<SubmissionHandler>();
        services.AddSingleton<CustomerSmppFront>();
        AddHosted<BuiltInSimulatorService>(services);
        AddHosted<GatewayCore>(services);
        AddHosted<MoReassemblyService>(services);
        AddHosted<DispatchService>(services);
        AddHosted<ProvisioningRefresher>(services);
        AddHosted<CustomerDeliveryNotifier>(services);
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttpHandler.Create(sp.GetRequiredService<IOptions<PigeonOptions>>().Value.Webhooks))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        AddHosted<WebhookDeliveryService>(services);
        AddHosted<SmppListenerService>(services);
        services.AddHostedService<ApiKeyUseRecorder>();
        services.AddNativeApi();
        services.AddHealthChecks().AddCheck<GatewayHealthCheck>("gateway");

        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapMetrics("/metrics");
        app.MapNativeApi();
        app.MapDialect002();
        app.MapDialect001();
        return app;
    }

    private static void AddHosted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
