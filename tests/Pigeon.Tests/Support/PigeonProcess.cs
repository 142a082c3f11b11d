using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pigeon.Tests.Support;

/// <summary>
/// The `pigeon` executable as a real child process (the build output copied next to the tests), with its
/// standard output and error captured line by line and its standard input open for commands.
/// </summary>
internal sealed partial class PigeonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _lineArrived = new(0);

    private PigeonProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public IReadOnlyList<string> StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return [.. _stdout];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static PigeonProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts pigeon with extra environment variables (settings such as PIGEON__Webhooks__…).</summary>
    public static PigeonProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pigeon.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("pigeon did not start");
        var pigeon = new PigeonProcess(process);
        process.OutputDataReceived += (_, e) => pigeon.OnLine(pigeon._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => pigeon.OnLine(pigeon._stderr, e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => pigeon._exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return pigeon;
    }

    /// <summary>Runs pigeon to completion and returns its exit code.</summary>
    public static Task<PigeonProcess> RunAsync(TimeSpan timeout, params string[] arguments) => RunAsync(timeout, new Dictionary<string, string>(), arguments);

    /// <summary>Runs pigeon with extra environment variables to completion.</summary>
    public static async Task<PigeonProcess> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var pigeon = Start(environment, arguments);
        pigeon._process.StandardInput.Close();
        await pigeon.WaitForExitAsync(timeout);
        return pigeon;
    }

    private void OnLine(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        _lineArrived.Release();
    }

    public int ExitCode => _process.ExitCode;

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for a line of standard output that matches, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (StandardOutput.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_exited.Task.IsCompleted)
            {
                // Output can trail the exit event; WaitForExitAsync returns once it is all read.
                await _process.WaitForExitAsync();
                return StandardOutput.FirstOrDefault(match) ?? throw NoMatch("pigeon exited");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw NoMatch("timed out");
            }

            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    private TimeoutException NoMatch(string why) =>
        new($"No matching line ({why}). stdout:\n{string.Join('\n', StandardOutput)}\nstderr:\n{StandardError}");

    /// <summary>For `pigeon simulate`: waits for "listening on HOST:PORT" and returns the port.</summary>
    public async Task<int> WaitForListeningPortAsync()
    {
        var line = await WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return int.Parse(ListeningPort().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The last standard output line, parsed as JSON.</summary>
    public JsonElement LastJsonLine()
    {
        var line = StandardOutput.LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"No JSON line. stdout:\n{string.Join('\n', StandardOutput)}\nstderr:\n{StandardError}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Sends SIGINT, as Ctrl-C does.</summary>
    public Task InterruptAsync() => SignalAsync("-INT");

    /// <summary>Sends SIGTERM, as a service manager does.</summary>
    public Task TerminateAsync() => SignalAsync("-TERM");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    [GeneratedRegex(@"listening on [^\s]+:(\d+)")]
    private static partial Regex ListeningPort();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }
}
