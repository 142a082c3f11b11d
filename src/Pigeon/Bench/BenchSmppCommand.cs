using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pigeon.CommandLine;
using Pigeon.Smpp.Sessions;
using Spectre.Console;

namespace Pigeon.Bench;

/// <summary>`pigeon bench smpp`: drive an SMPP server with submit_sm load and report rates and latencies.</summary>
internal static class BenchSmppCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "SMSC host.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port", "-p") { Description = "SMSC port.", DefaultValueFactory = _ => 2775 }.InRange(1, 65535);
        var systemId = new Option<string>("--system-id") { Description = "system_id to bind with.", DefaultValueFactory = _ => "bench" }.MaxLength(15);
        var password = new Option<string>("--password") { Description = "Password to bind with.", DefaultValueFactory = _ => "bench" }.MaxLength(8);
        var binds = new Option<int>("--binds", "-b") { Description = "Transceiver binds to open.", DefaultValueFactory = _ => 1 }.InRange(1, 1000);
        var window = new Option<int>("--window", "-w") { Description = "Outstanding submits per bind.", DefaultValueFactory = _ => 64 }.InRange(1, 10_000);
        var count = new Option<long>("--count", "-n") { Description = "Messages to submit.", DefaultValueFactory = _ => 10_000 }.AtLeast(1);
        var text = new Option<string?>("--text") { Description = "Message text (default: a short GSM text)." };
        var unicode = new Option<bool>("--unicode") { Description = "Send a Unicode (UCS-2) text." };
        var noReceipts = new Option<bool>("--no-receipts") { Description = "Ask for no delivery receipts and do not wait for them." };
        var rate = new Option<int>("--rate") { Description = "Submits per second to aim for (0: as fast as the windows allow).", DefaultValueFactory = _ => 0 }.InRange(0, 10_000_000);
        var receiptTimeout = new Option<int>("--receipt-timeout-s") { Description = "Give up waiting for receipts after this many seconds without one.", DefaultValueFactory = _ => 30 }.InRange(1, 86_400);
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object on the last line." };

        var command = new Command("smpp", "Load an SMPP server with submit_sm and report submits per second, submit_sm_resp latency, errors and receipts.")
        {
            host, port, systemId, password, binds, window, count, text, unicode, noReceipts, rate, receiptTimeout, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            InlineSocketCompletions.EnableUnlessSet();
            var isUnicode = parse.GetValue(unicode);
            var options = new LoadOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                SystemId = parse.GetValue(systemId)!,
                Password = parse.GetValue(password)!,
                Binds = parse.GetValue(binds),
                Window = parse.GetValue(window),
                Count = parse.GetValue(count),
                Unicode = isUnicode,
                Text = parse.GetValue(text) ?? (isUnicode ? "Привет от Pigeon — ✓ ünïcødé 你好" : new LoadOptions().Text),
                Receipts = !parse.GetValue(noReceipts),
                Rate = parse.GetValue(rate),
                ReceiptIdleTimeout = TimeSpan.FromSeconds(parse.GetValue(receiptTimeout)),
            };
            return await RunAsync(options, parse.GetValue(json), parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(LoadOptions options, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create(LogLevel.Error);
        SmppLoadGenerator generator;
        try
        {
            generator = new SmppLoadGenerator(options, loggerFactory);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"pigeon bench smpp: {e.Message}");
            return ExitCodes.Usage;
        }

        await using (generator)
        {
            try
            {
                await generator.ConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is SmppException or System.Net.Sockets.SocketException or TimeoutException)
            {
                var status = e is SmppException { Status: { } s } ? string.Create(CultureInfo.InvariantCulture, $" (command_status 0x{(uint)s:X8})") : string.Empty;
                await Console.Error.WriteLineAsync($"pigeon bench smpp: cannot bind to {options.Host}:{options.Port}: {e.Message}{status}");
                return ExitCodes.Unavailable;
            }

            BenchReport report;
            try
            {
                report = await BenchProgress.RunWithProgressAsync(generator, options, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Interrupted;
            }

            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport));
            }
            else
            {
                await output.WriteLineAsync(FormatReport(report));
            }

            var complete = report.Ok == report.Submitted && report.ReceiptsMatched == report.ReceiptsExpected;
            return complete ? ExitCodes.Success : ExitCodes.Incomplete;
        }
    }

    private static string FormatReport(BenchReport r)
    {
        var errors = r.ErrorsByStatus.Count == 0 ? "none" : string.Join(", ", r.ErrorsByStatus.Select(e => $"{e.Key}: {e.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            submitted      {r.Submitted} over {r.Binds} bind(s), window {r.Window}
            ok             {r.Ok}
            errors         {errors}
            submit rate    {r.SubmitRatePerSecond:F0} per second
            submit_sm_resp p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms, max {r.MaxMs:F2} ms
            receipts       {r.ReceiptsReceived} received, {r.ReceiptsMatched} of {r.ReceiptsExpected} matched, {r.ReceiptsUnmatched} unmatched
            end to end     {r.EndToEndRatePerSecond:F0} per second over {r.ElapsedSeconds:F2} s
            """);
    }
}
