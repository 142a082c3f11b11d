using System.Diagnostics;

namespace Pigeon.Bench;

/// <summary>
/// Spaces submits at a target rate over all workers: submit n is due at n / rate seconds after the start, so a
/// worker that is early waits and one that is late goes at once (no burst-then-stall).
/// </summary>
internal sealed class SubmitPacer(int ratePerSecond)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public async ValueTask WaitAsync(long n, CancellationToken cancellationToken)
    {
        var due = TimeSpan.FromSeconds((double)n / ratePerSecond);
        var wait = due - Stopwatch.GetElapsedTime(_start);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
