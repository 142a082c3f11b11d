using Pigeon.Server.Tests.Support;

namespace Pigeon.Server.Tests;

/// <summary>Settings are checked before anything starts: every bad one named, exit code 1.</summary>
public sealed class ServeSettingsTests
{
    [Fact]
    public async Task Bad_settings_exit_1_naming_each_problem()
    {
        var data = Directory.CreateTempSubdirectory("pigeon-settings-").FullName;
        try
        {
            await using var serve = ServeProcess.Launch(data, 70_000, FreePort.Next(), "--db", "mysql://nope");

            await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, serve.ExitCode);
            Assert.Contains("Pigeon:Smpp:Port", serve.Output, StringComparison.Ordinal);
            Assert.Contains("Pigeon:Database", serve.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", serve.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "pigeon.db")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_dispatch_setting_out_of_range_exits_1_naming_it()
    {
        var data = Directory.CreateTempSubdirectory("pigeon-dispatch-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["PIGEON__Dispatch__MaxTemporaryFailures"] = "0" };
            await using var serve = ServeProcess.Launch(data, FreePort.Next(), FreePort.Next(), environment, []);

            await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, serve.ExitCode);
            Assert.Contains("Pigeon:Dispatch:MaxTemporaryFailures", serve.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_taken_SMPP_port_exits_1_saying_it_cannot_start()
    {
        var data = Directory.CreateTempSubdirectory("pigeon-taken-").FullName;
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            await using var serve = ServeProcess.Launch(data, port, FreePort.Next(), "--simulator-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));

            await serve.WaitForExitAsync(TimeSpan.FromSeconds(90));

            Assert.Equal(1, serve.ExitCode);
            Assert.Contains("pigeon serve: cannot start", serve.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", serve.Output, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
            Directory.Delete(data, recursive: true);
        }
    }
}
