namespace Pigeon.CommandLine;

/// <summary>What the pigeon process's exit code means; scripts and tests rely on these values.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran but failed (an error was printed).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command, bad flag or value.</summary>
    public const int Usage = 2;

    /// <summary>A peer could not be reached or refused the bind.</summary>
    public const int Unavailable = 3;

    /// <summary>The run finished, but not every message or receipt was accounted for.</summary>
    public const int Incomplete = 4;

    /// <summary>Interrupted by Ctrl-C or SIGTERM before finishing (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
