using System.Diagnostics;
using System.Globalization;

namespace Pigeon.Server.Tests.Support;

/// <summary>`pigeon simulate` as its own process: a supplier that outlives a gateway killed with SIGKILL.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private SimulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the simulator; <paramref name="extra"/> are more flags (e.g. "--reject-rate", "1").</summary>
    public static async Task<SimulatorProcess> StartAsync(int port, int receiptDelayMs, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "pigeon.dll"), "simulate", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--dlr-delay-ms", receiptDelayMs.ToString(CultureInfo.InvariantCulture), "--stats-every-ms", "0",
        }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("pigeon simulate did not start");
        var simulator = new SimulatorProcess(process, port);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (simulator._output)
                {
                    simulator._output.Add(e.Data);
                }
            }

            if (e.Data?.Contains("listening on", StringComparison.Ordinal) == true)
            {
                simulator._listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await simulator._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return simulator;
    }

    /// <summary>Types a line on the simulator's standard input (e.g. "mo @SYSTEM_ID FROM TO TEXT").</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>
    /// Stops the simulator with SIGTERM and returns its final statistics (the `pigeon simulate: stopped; ...` line)
    /// as name → count, e.g. "accepted" → 100.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> StopAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit();
        string stopped;
        lock (_output)
        {
            stopped = _output.LastOrDefault(l => l.StartsWith("pigeon simulate: stopped;", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("the simulator printed no final statistics:\n" + string.Join('\n', _output));
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var field in stopped.Split(' '))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && long.TryParse(field[(equals + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                counts[field[..equals]] = value;
            }
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
