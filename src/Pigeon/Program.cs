using Pigeon.CommandLine;

namespace Pigeon;

/// <summary>Entry point of the pigeon executable.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command; the exit code follows <c>ExitCodes</c>.</summary>
    public static Task<int> Main(string[] args) => PigeonCommandLine.InvokeAsync(args, Console.Out, Console.Error);
}
