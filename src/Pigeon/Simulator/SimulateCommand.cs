using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Pigeon.CommandLine;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Simulator;

/// <summary>`pigeon simulate`: run an SMSC simulator until Ctrl-C.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" }.Check(h => IPAddress.TryParse(h, out _) ? null : $"'{h}' is not an IP address.");
        var port = new Option<int>("--port", "-p") { Description = "SMPP port to listen on (0 picks a free one).", DefaultValueFactory = _ => 2775 }.InRange(0, 65535);
        var systemId = new Option<string?>("--system-id") { Description = "Accept only this system_id (default: any)." };
        var password = new Option<string?>("--password") { Description = "Accept only this password (default: any)." };
        var dlrDelay = new Option<int>("--dlr-delay-ms") { Description = "Delay before each delivery receipt, in milliseconds.", DefaultValueFactory = _ => 0 }.InRange(0, 3_600_000);
        var deliveredRate = new Option<double>("--delivered-rate") { Description = "Share of receipts that say DELIVRD (0..1); the rest follow --failures.", DefaultValueFactory = _ => 1.0 }.IsShare();
        var failures = new Option<string?>("--failures") { Description = "Weights of the failed outcomes, e.g. UNDELIV=5,EXPIRED=3,REJECTD=2 (default: UNDELIV)." }.Check(f => f is null || OutcomeMix.TryParse(f, out _, out var error) ? null : error);
        var rejectRate = new Option<double>("--reject-rate") { Description = "Share of submits refused with --reject-status (0..1).", DefaultValueFactory = _ => 0 }.IsShare();
        var rejectStatus = new Option<string>("--reject-status") { Description = "command_status for refused submits, hex or decimal.", DefaultValueFactory = _ => "0x45" }.Check(t => TryParseStatus(t ?? string.Empty, out _) ? null : "must be a non-zero command_status such as 0x45 or 69.");
        var tps = new Option<int>("--tps") { Description = "Submits per second above which ESME_RTHROTTLED is answered (0: no limit).", DefaultValueFactory = _ => 0 }.InRange(0, 10_000_000);
        var noAnswerRate = new Option<double>("--no-answer-rate") { Description = "Share of submits never answered (0..1), to test time-outs.", DefaultValueFactory = _ => 0 }.IsShare();
        var dropAfter = new Option<long>("--drop-after") { Description = "Close a session after this many submits on it (0: never).", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var moEvery = new Option<int>("--mo-every-ms") { Description = "Send an MO message to a bound receiver this often (0: only when asked on standard input).", DefaultValueFactory = _ => 0 }.InRange(0, 3_600_000);
        var decimalIds = new Option<bool>("--decimal-ids") { Description = "Give message ids in decimal instead of hexadecimal." };
        var window = new Option<int>("--window") { Description = "Outstanding deliver_sm per session.", DefaultValueFactory = _ => 64 }.InRange(1, 10_000);
        var statsEvery = new Option<int>("--stats-every-ms") { Description = "Print statistics this often (0: only at the end).", DefaultValueFactory = _ => 1000 }.InRange(0, 3_600_000);
        var maxSessions = new Option<int>("--max-sessions") { Description = "Most sessions at once.", DefaultValueFactory = _ => 100 }.InRange(1, 100_000);

        var command = new Command("simulate", "Run an SMSC simulator: a supplier to test against. MO on request: type 'mo FROM TO TEXT' (or 'mo @SYSTEM_ID FROM TO TEXT') on standard input.")
        {
            host, port, systemId, password, dlrDelay, deliveredRate, failures, rejectRate, rejectStatus, tps,
            noAnswerRate, dropAfter, moEvery, decimalIds, window, statsEvery, maxSessions,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            InlineSocketCompletions.EnableUnlessSet();
            IReadOnlyDictionary<string, double>? failureWeights = null;
            if (parse.GetValue(failures) is { } f && OutcomeMix.TryParse(f, out var parsed, out _) && parsed is not null)
            {
                failureWeights = parsed.Shares.ToDictionary(s => s.Outcome.Stat, s => s.Share);
            }

            _ = TryParseStatus(parse.GetValue(rejectStatus)!, out var status);
            var options = new SimulatorOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                SystemId = parse.GetValue(systemId),
                Password = parse.GetValue(password),
                ReceiptDelay = TimeSpan.FromMilliseconds(parse.GetValue(dlrDelay)),
                Outcomes = OutcomeMix.FromDeliveredRate(parse.GetValue(deliveredRate), failureWeights),
                RejectRate = parse.GetValue(rejectRate),
                RejectStatus = status,
                Tps = parse.GetValue(tps),
                NoAnswerRate = parse.GetValue(noAnswerRate),
                DropAfter = parse.GetValue(dropAfter),
                MoInterval = TimeSpan.FromMilliseconds(parse.GetValue(moEvery)),
                DecimalIds = parse.GetValue(decimalIds),
                Window = parse.GetValue(window),
                StatsInterval = TimeSpan.FromMilliseconds(parse.GetValue(statsEvery)),
                MaxSessions = parse.GetValue(maxSessions),
            };
            return await SimulatorRunner.RunAsync(options, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    internal static bool TryParseStatus(string text, out CommandStatus status)
    {
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        status = (CommandStatus)value;
        return ok && value != 0;
    }
}
