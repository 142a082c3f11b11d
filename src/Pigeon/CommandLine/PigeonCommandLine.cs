using System.CommandLine;
using Pigeon.Bench;
using Pigeon.Simulator;

namespace Pigeon.CommandLine;

/// <summary>The `pigeon` command tree.</summary>
internal static class PigeonCommandLine
{
    public static RootCommand Create()
    {
        var bench = new Command("bench", "Load tools that measure Pigeon and its peers.")
        {
            BenchSmppCommand.Create(),
        };
        return new RootCommand("Pigeon: an operator-grade SMS gateway. SMPP v3.4 and HTTP in, SMPP out, receipts back.")
        {
            SimulateCommand.Create(),
            bench,
        };
    }

    /// <summary>Runs a command line; a usage error prints the problem and help and exits with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await parse.InvokeAsync(configuration);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
