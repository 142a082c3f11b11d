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
            Assert.False(File.Exists(Path.Combine(data, "pigeon.db")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
