using System.Collections.Concurrent;

namespace Pigeon.Server.Http;

/// <summary>
/// The message rate of each API key (<see cref="Gateway.Accounts.ApiKey.Tps"/>), counted in messages, not
/// requests, by the generic cell rate algorithm on the injected clock: a key at <c>tps</c> may have one second's
/// worth outstanding. A request is let in whole while the key is within its rate, however many messages it
/// carries (a batch is never cut in two), and moves the key's theoretical arrival time on by all of them; the
/// next request waits until that debt is paid, and learns how long (Retry-After). One instance serves every HTTP
/// front end, so a key has one budget whichever API it uses (the dialects take one message at a time). Unlike
/// <see cref="Gateway.Limits.TpsLimiter"/> it takes many at once and tells the wait.
/// </summary>
internal sealed class KeyMessageRate(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<long, Cell> _cells = new();

    /// <summary>Takes <paramref name="messages"/> for key <paramref name="keyId"/> at <paramref name="tps"/> (0: no limit); false with the wait.</summary>
    public bool TryTake(long keyId, int tps, int messages, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (tps <= 0)
        {
            return true;
        }

        var cell = _cells.GetOrAdd(keyId, static _ => new Cell());
        var interval = Math.Max(1L, timeProvider.TimestampFrequency / tps);
        var tolerance = interval * tps;
        var now = timeProvider.GetTimestamp();
        lock (cell)
        {
            var start = Math.Max(cell.TheoreticalArrival, now);
            if (start + interval - now > tolerance)
            {
                retryAfter = TimeSpan.FromSeconds((double)(start + interval - tolerance - now) / timeProvider.TimestampFrequency);
                return false;
            }

            cell.TheoreticalArrival = start + (interval * messages);
            return true;
        }
    }

    private sealed class Cell
    {
        public long TheoreticalArrival = long.MinValue / 2;
    }
}
