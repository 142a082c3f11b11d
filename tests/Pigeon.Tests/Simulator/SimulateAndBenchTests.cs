using Pigeon.Tests.Support;

namespace Pigeon.Tests.Simulator;

/// <summary>`pigeon simulate` and `pigeon bench smpp` as two real processes talking over loopback.</summary>
public sealed class SimulateAndBenchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static async Task<(PigeonProcess Simulator, int Port)> StartSimulatorAsync(params string[] flags)
    {
        var simulator = PigeonProcess.Start(["simulate", "--port", "0", "--stats-every-ms", "0", .. flags]);
        return (simulator, await simulator.WaitForListeningPortAsync());
    }

    private static Task<PigeonProcess> BenchAsync(int port, params string[] flags) =>
        PigeonProcess.RunAsync(Timeout, ["bench", "smpp", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", .. flags]);

    [Fact]
    public async Task Bench_submits_to_the_simulator_and_matches_every_receipt()
    {
        var (simulator, port) = await StartSimulatorAsync();
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--count", "3000", "--binds", "2", "--window", "16");

        Assert.Equal(0, bench.ExitCode);
        var report = bench.LastJsonLine();
        Assert.Equal(3000, report.GetProperty("submitted").GetInt64());
        Assert.Equal(3000, report.GetProperty("ok").GetInt64());
        Assert.Equal(3000, report.GetProperty("receipts_matched").GetInt64());
        Assert.True(report.GetProperty("submit_rate_per_s").GetDouble() > 0);
        Assert.True(report.GetProperty("p99_ms").GetDouble() >= report.GetProperty("p50_ms").GetDouble());
    }

    [Fact]
    public async Task Unicode_text_and_decimal_ids_still_match_every_receipt()
    {
        var (simulator, port) = await StartSimulatorAsync("--decimal-ids", "--dlr-delay-ms", "50");
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--count", "500", "--unicode");

        Assert.Equal(0, bench.ExitCode);
        Assert.Equal(500, bench.LastJsonLine().GetProperty("receipts_matched").GetInt64());
    }

    [Fact]
    public async Task No_receipts_mode_neither_asks_for_nor_waits_for_receipts()
    {
        var (simulator, port) = await StartSimulatorAsync();
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--count", "500", "--no-receipts");

        Assert.Equal(0, bench.ExitCode);
        var report = bench.LastJsonLine();
        Assert.Equal(500, report.GetProperty("ok").GetInt64());
        Assert.Equal(0, report.GetProperty("receipts_received").GetInt64());
    }

    [Fact]
    public async Task Rejected_submits_are_counted_by_status_and_exit_4()
    {
        var (simulator, port) = await StartSimulatorAsync("--reject-rate", "1", "--reject-status", "0x45");
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--count", "200");

        Assert.Equal(4, bench.ExitCode);
        var report = bench.LastJsonLine();
        Assert.Equal(0, report.GetProperty("ok").GetInt64());
        Assert.Equal(200, report.GetProperty("errors_by_status").GetProperty("0x00000045 SubmitFailed").GetInt64());
    }

    [Fact]
    public async Task Simulator_throttles_above_its_tps_and_the_client_backs_off_until_all_are_accepted()
    {
        var (simulator, port) = await StartSimulatorAsync("--tps", "300");
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--count", "900", "--window", "32");
        await simulator.InterruptAsync();
        await simulator.WaitForExitAsync(Timeout);

        Assert.Equal(0, bench.ExitCode);
        Assert.Equal(900, bench.LastJsonLine().GetProperty("ok").GetInt64());
        var final = simulator.StandardOutput.Last(l => l.Contains("stopped", StringComparison.Ordinal));
        Assert.Matches(@"throttled=[1-9]\d*", final);
    }

    [Fact]
    public async Task Simulator_refuses_a_bind_with_the_wrong_password_and_bench_exits_3()
    {
        var (simulator, port) = await StartSimulatorAsync("--system-id", "acme", "--password", "right");
        await using var _ = simulator;

        await using var bench = await BenchAsync(port, "--system-id", "acme", "--password", "wrong", "--count", "1");

        Assert.Equal(3, bench.ExitCode);
        Assert.Contains("0x0000000E", bench.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Simulator_stops_cleanly_on_sigint_with_final_statistics()
    {
        var (simulator, _) = await StartSimulatorAsync();
        await using var __ = simulator;

        await simulator.InterruptAsync();
        await simulator.WaitForExitAsync(Timeout);

        Assert.Equal(0, simulator.ExitCode);
        Assert.Contains(simulator.StandardOutput, l => l.StartsWith("pigeon simulate: stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulator_with_bound_sessions_stops_cleanly_on_sigterm()
    {
        var (simulator, port) = await StartSimulatorAsync();
        await using var _ = simulator;
        await using var bench = await BenchAsync(port, "--count", "100");

        await simulator.TerminateAsync();
        await simulator.WaitForExitAsync(Timeout);

        Assert.Equal(0, simulator.ExitCode);
        Assert.Contains(simulator.StandardOutput, l => l.StartsWith("pigeon simulate: stopped", StringComparison.Ordinal) && l.Contains("submits=100", StringComparison.Ordinal));
    }
}
