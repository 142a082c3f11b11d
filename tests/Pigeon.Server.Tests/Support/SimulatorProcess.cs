using System.Diagnostics;
using System.Globalization;

namespace Pigeon.Server.Tests.Support;

/// <summary>`pigeon simulate` as its own process: a supplier that outlives a gateway killed with SIGKILL.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
