using Pigeon.Tests.Support;

namespace Pigeon.Tests.CommandLine;

public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_lists_the_commands_and_exits_zero()
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, "--help");

        Assert.Equal(0, pigeon.ExitCode);
        var output = string.Join('\n', pigeon.StandardOutput);
        Assert.Contains("simulate", output, StringComparison.Ordinal);
        Assert.Contains("bench", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("bench")]
    [InlineData("bench", "smpp")]
    public async Task Every_command_has_help(params string[] command)
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, [.. command, "--help"]);

        Assert.Equal(0, pigeon.ExitCode);
        Assert.Contains("Usage:", string.Join('\n', pigeon.StandardOutput), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_flag_is_a_usage_error_with_exit_code_2()
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, "simulate", "--bogus");

        Assert.Equal(2, pigeon.ExitCode);
        Assert.Contains("--bogus", pigeon.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_with_exit_code_2()
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, "fly");

        Assert.Equal(2, pigeon.ExitCode);
        Assert.Contains("fly", pigeon.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench smpp --window 0", "--window")]
    [InlineData("bench smpp --system-id sixteen-chars-xx", "--system-id")]
    [InlineData("bench smpp --password nine-char", "--password")]
    [InlineData("simulate --delivered-rate 1.5", "--delivered-rate")]
    [InlineData("simulate --failures LOST=3", "--failures")]
    [InlineData("simulate --reject-status zero", "--reject-status")]
    [InlineData("simulate --host not-an-ip", "--host")]
    [InlineData("simulate --port 70000", "--port")]
    public async Task Bad_value_is_a_usage_error_naming_the_flag(string commandLine, string flag)
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, commandLine.Split(' '));

        Assert.Equal(2, pigeon.ExitCode);
        Assert.Contains(flag, pigeon.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_against_a_closed_port_exits_3()
    {
        await using var pigeon = await PigeonProcess.RunAsync(Timeout, "bench", "smpp", "--port", "1", "--count", "1");

        Assert.Equal(3, pigeon.ExitCode);
        Assert.Contains("cannot bind", pigeon.StandardError, StringComparison.Ordinal);
    }
}
