using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Pigeon.CommandLine;

namespace Pigeon.Simulator;

/// <summary>
/// Runs the simulator in the foreground: prints where it listens, statistics while it runs, reads MO requests
/// from standard input, and stops cleanly on Ctrl-C or SIGTERM (the token), unbinding every session.
/// </summary>
internal static class SimulatorRunner
{
    public static async Task<int> RunAsync(SimulatorOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create(LogLevel.Warning);
        var timeProvider = TimeProvider.System;
        await using var simulator = new SmscSimulator(options, loggerFactory, timeProvider);
        try
        {
            await simulator.StartAsync(cancellationToken);
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"pigeon simulate: cannot listen on {options.Host}:{options.Port}: {e.Message}");
            return ExitCodes.Unavailable;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pigeon simulate: listening on {simulator.LocalEndPoint}"));

        // Ctrl-C is how a simulator is meant to stop: from here on the token only ends the run, never fails it.
        await output.FlushAsync(CancellationToken.None);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stats = options.StatsInterval > TimeSpan.Zero
            ? PrintStatisticsAsync(simulator, options.StatsInterval, output, timeProvider, stop.Token)
            : Task.CompletedTask;
        var mo = options.MoInterval > TimeSpan.Zero
            ? SendPeriodicMoAsync(simulator, options.MoInterval, timeProvider, stop.Token)
            : Task.CompletedTask;
        _ = Task.Run(() => ReadMoRequestsAsync(simulator, output, stop.Token), CancellationToken.None);

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await stop.CancelAsync();
        await Task.WhenAll(stats, mo);
        using (var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await simulator.StopAsync(shutdown.Token);
        }

        await output.WriteLineAsync("pigeon simulate: stopped; " + simulator.Statistics.Format(0, 0));
        await output.FlushAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    private static async Task PrintStatisticsAsync(SmscSimulator simulator, TimeSpan interval, TextWriter output, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var lastSubmits = 0L;
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var submits = simulator.Statistics.Submits;
                var now = Stopwatch.GetTimestamp();
                var rate = (submits - lastSubmits) / Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                (lastSubmits, last) = (submits, now);
                await output.WriteLineAsync(simulator.Statistics.Format(rate, simulator.SessionCount));
                await output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task SendPeriodicMoAsync(SmscSimulator simulator, TimeSpan interval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                n++;
                simulator.SendMo(null, "447700900" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture), "12345", string.Create(CultureInfo.InvariantCulture, $"MO message {n} from the simulator"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Reads <see cref="MoRequest"/> lines until standard input closes.</summary>
    private static async Task ReadMoRequestsAsync(SmscSimulator simulator, TextWriter output, CancellationToken cancellationToken)
    {
        using var input = new StreamReader(Console.OpenStandardInput());
        try
        {
            while (await input.ReadLineAsync(cancellationToken) is { } line)
            {
                if (MoRequest.TryParse(line, out var request))
                {
                    var sent = simulator.SendMo(request.SystemId, request.From, request.To, request.Text, request.Reference, request.Parts);
                    await output.WriteLineAsync(sent ? $"mo queued from {request.From} to {request.To}" : "mo refused: no receiver is bound");
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    await output.WriteLineAsync(MoRequest.Usage);
                }

                await output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
