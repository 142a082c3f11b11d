using System.Diagnostics;
using System.Globalization;

namespace Pigeon.Server.Tests.Support;

/// <summary>
/// `pigeon serve` as a real child process (the pigeon build output is copied next to the tests) on a data directory
/// and free ports, its output captured. <see cref="StartAsync"/> returns once it prints that it serves.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, string dataDirectory, int smppPort, int httpPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        SmppPort = smppPort;
        HttpPort = httpPort;
    }

    public string DataDirectory { get; }

    public int SmppPort { get; }

    public int HttpPort { get; }

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts serve and waits until it listens; <paramref name="extra"/> are more flags.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, int? smppPort = null, int? httpPort = null, params string[] extra)
    {
        var serve = Launch(dataDirectory, smppPort ?? FreePort.Next(), httpPort ?? FreePort.Next(), extra);
        await serve.WaitServingAsync();
        return serve;
    }

    /// <summary>Starts serve with extra environment variables (settings such as PIGEON__Dispatch__…) and waits until it listens.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var serve = Launch(dataDirectory, FreePort.Next(), FreePort.Next(), environment, extra);
        await serve.WaitServingAsync();
        return serve;
    }

    /// <summary>Starts serve without waiting (for runs expected to fail).</summary>
    public static ServeProcess Launch(string dataDirectory, int smppPort, int httpPort, params string[] extra) =>
        Launch(dataDirectory, smppPort, httpPort, new Dictionary<string, string>(), extra);

    /// <summary>Starts serve with extra environment variables, without waiting.</summary>
    public static ServeProcess Launch(string dataDirectory, int smppPort, int httpPort, IReadOnlyDictionary<string, string> environment, string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pigeon.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add("--smpp-port");
        start.ArgumentList.Add(smppPort.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--http-port");
        start.ArgumentList.Add(httpPort.ToString(CultureInfo.InvariantCulture));
        foreach (var flag in extra)
        {
            start.ArgumentList.Add(flag);
        }

        // The built-in simulator's default port is one for every test running at once: give each serve its own.
        if (!extra.Contains("--simulator-port") && !extra.Contains("--no-simulator"))
        {
            start.ArgumentList.Add("--simulator-port");
            start.ArgumentList.Add(FreePort.Next().ToString(CultureInfo.InvariantCulture));
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("pigeon did not start");
        var serve = new ServeProcess(process, dataDirectory, smppPort, httpPort);
        process.OutputDataReceived += (_, e) => serve.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => serve.OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => serve._exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>The first-start credentials file, as name → value.</summary>
    public IReadOnlyDictionary<string, string> ReadCredentials() => File.ReadAllLines(Path.Combine(DataDirectory, "initial-credentials.txt"))
        .Where(l => l.Contains(':', StringComparison.Ordinal))
        .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a service manager does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown of any kind.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await TerminateAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitServingAsync()
    {
        var finished = await Task.WhenAny(_serving.Task, _exited.Task, Task.Delay(TimeSpan.FromSeconds(90)));
        if (finished != _serving.Task)
        {
            throw new InvalidOperationException("pigeon serve did not start:\n" + Output);
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith("pigeon serve: SMPP on", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }
    }
}
