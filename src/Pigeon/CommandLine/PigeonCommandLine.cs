using System.CommandLine;
using System.Runtime.InteropServices;
using Pigeon.Bench;
using Pigeon.Provisioning;
using Pigeon.Serve;
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
        var root = new RootCommand("Pigeon: an operator-grade SMS gateway. SMPP v3.4 and HTTP in, SMPP out, receipts back.")
        {
            SimulateCommand.Create(),
            ServeCommand.Create(),
            bench,
        };
        ProvisioningCommands.AddTo(root);
        return root;
    }

    /// <summary>
    /// Runs a command line; a usage error prints the problem and help and exits with <see cref="ExitCodes.Usage"/>.
    /// SIGINT and SIGTERM cancel the command's token and let the command finish its own shutdown and choose its exit
    /// code (a simulator or server stopped this way has done what it was asked and exits 0).
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        using var stopping = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopping));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopping));
        var exitCode = await parse.InvokeAsync(configuration, stopping.Token);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        // Keep the process alive: the command sees its token cancelled and shuts down in order. The cancellation
        // runs on the thread pool, not on the signal's thread, so the shutdown's continuations never run inside
        // this handler (where disposing the registration would wait on itself).
        context.Cancel = true;
        _ = Task.Run(stopping.Cancel);
    }
}
