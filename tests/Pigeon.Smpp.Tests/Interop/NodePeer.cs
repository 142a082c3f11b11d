using System.Diagnostics;
using System.Text.Json;

namespace Pigeon.Smpp.Tests.Interop;

/// <summary>
/// Runs one of the Node.js peers in tests/interop (built on the independent npm `smpp` package) as a real
/// process. The peers print JSON lines; the last one is their result. `npm ci` is run once if the package is not
/// installed yet (CI installs it beforehand).
/// </summary>
internal sealed class NodePeer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<JsonElement> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodePeer(Process process)
    {
        _process = process;
    }

    public static string InteropDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "interop");

    /// <summary>Everything the peer printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static async Task<NodePeer> StartAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var peer = new NodePeer(process);
        process.OutputDataReceived += (_, e) => peer.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => peer.OnLine(e.Data is null ? null : "stderr: " + e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => peer._exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (line.StartsWith('{'))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("ready", out _))
            {
                _ready.TrySetResult(document.RootElement.Clone());
            }
        }
    }

    /// <summary>Waits for a server peer's "ready" line and returns the port it listens on.</summary>
    public async Task<int> WaitReadyAsync()
    {
        var ready = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return ready.GetProperty("port").GetInt32();
    }

    /// <summary>Waits for the peer to exit and returns its last JSON line.</summary>
    public async Task<JsonElement> WaitForResultAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        _process.WaitForExit();
        return LastJson() ?? throw new InvalidOperationException("The peer printed no JSON:\n" + string.Join('\n', Lines));
    }

    /// <summary>Asks a server peer to finish (closing its standard input) and returns its summary.</summary>
    public async Task<JsonElement> StopAsync()
    {
        _process.StandardInput.Close();
        return await WaitForResultAsync(TimeSpan.FromSeconds(30));
    }

    private JsonElement? LastJson()
    {
        foreach (var line in Lines.Reverse())
        {
            if (line.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            }
        }

        return null;
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(InteropDirectory, "node_modules", "smpp")))
            {
                return;
            }

            var install = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = InteropDirectory,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("npm did not start");
            await install.WaitForExitAsync();
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException("npm ci failed in tests/interop; install Node.js and npm.");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pigeon.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Pigeon.slnx) above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
