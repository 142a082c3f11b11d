using System.Globalization;
using Spectre.Console;

namespace Pigeon.Bench;

/// <summary>
/// Shows a load run's progress on standard error, so standard output stays clean for the report: a progress
/// bar on a terminal, a plain line a second otherwise (CI logs, pipes).
/// </summary>
internal static class BenchProgress
{
    public static async Task<BenchReport> RunWithProgressAsync(SmppLoadGenerator generator, LoadOptions options, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var run = generator.RunAsync(cancellationToken);
        if (console.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var submits = context.AddTask("submit_sm", maxValue: options.Count);
                    var receipts = options.Receipts ? context.AddTask("receipts", maxValue: options.Count) : null;
                    while (!run.IsCompleted)
                    {
                        submits.Value = generator.Answered;
                        if (receipts is not null)
                        {
                            receipts.Value = generator.ReceiptsMatched;
                        }

                        await Task.WhenAny(run, Task.Delay(100, cancellationToken));
                    }

                    submits.Value = submits.MaxValue;
                    if (receipts is not null)
                    {
                        receipts.Value = receipts.MaxValue;
                    }
                });
            return await run;
        }

        var last = 0L;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(1000, cancellationToken));
            var answered = generator.Answered;
            if (!run.IsCompleted)
            {
                await Console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"bench: {answered}/{options.Count} answered ({answered - last}/s), {generator.ReceiptsMatched} receipts matched"));
            }

            last = answered;
        }

        return await run;
    }
}
