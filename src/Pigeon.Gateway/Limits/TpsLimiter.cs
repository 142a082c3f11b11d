using System.Collections.Concurrent;

namespace Pigeon.Gateway.Limits;

/// <summary>
/// Submits-per-second limits for many accounts, by the generic cell rate algorithm (GCRA, ITU-T I.371): each
/// account keeps one number, the theoretical arrival time (TAT) of its next request on the
/// <see cref="TimeProvider"/>'s timestamp clock. At <c>tps</c> per second one request costs an interval
/// <c>T = 1 s / tps</c>; a request at time <c>now</c> is allowed when <c>max(TAT, now) + T - now ≤ tps × T</c>,
/// and then moves TAT to <c>max(TAT, now) + T</c>. So an idle account may burst one second's worth (<c>tps</c>
/// requests) at once and is held to <c>tps</c> per second after that; a refused request changes nothing.
/// <para>
/// Many at once (<see cref="TryAcquire(long, int, int, out TimeSpan)"/>, the HTTP APIs' per-key message rate): a
/// request of <c>n</c> is let in whole while there is room for one more, however large <c>n</c> is (a batch is
/// never cut in two), and moves TAT on by <c>n × T</c>; the debt is then paid before the next request fits, and
/// a refusal tells how long that is.
/// </para>
/// <para>
/// The TAT is advanced with compare-and-swap: no lock, and no allocation per call once an account has been seen.
/// A refusal is answered ESME_RTHROTTLED (<c>throttled</c>) on SMPP, 429 with Retry-After on HTTP.
/// </para>
/// </summary>
public sealed class TpsLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<long, Cell> _cells = new();

    /// <summary>Creates a limiter on <paramref name="timeProvider"/>'s clock.</summary>
    public TpsLimiter(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Accounts seen so far.</summary>
    public int Count => _cells.Count;

    /// <summary>
    /// Takes one request's worth from account <paramref name="accountId"/> limited to <paramref name="tps"/> per
    /// second; false when that would exceed the limit. A <paramref name="tps"/> of zero or less means no limit.
    /// The limit may change between calls (an account's settings changed): the next request is judged by it.
    /// </summary>
    public bool TryAcquire(long accountId, int tps) => TryAcquire(accountId, tps, 1, out _);

    /// <summary>
    /// Takes <paramref name="count"/> at once from <paramref name="accountId"/> limited to <paramref name="tps"/>
    /// per second: allowed, all of them, while there is room for one more (the account then owes the rest), else
    /// false with <paramref name="retryAfter"/>, the wait until there is room for one. A <paramref name="tps"/> of
    /// zero or less means no limit. A refusal changes nothing.
    /// </summary>
    public bool TryAcquire(long accountId, int tps, int count, out TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        retryAfter = TimeSpan.Zero;
        if (tps <= 0)
        {
            return true;
        }

        if (!_cells.TryGetValue(accountId, out var cell))
        {
            cell = _cells.GetOrAdd(accountId, static _ => new Cell());
        }

        var frequency = _timeProvider.TimestampFrequency;
        var interval = Math.Max(1L, frequency / tps);
        var tolerance = interval * tps;
        var now = _timeProvider.GetTimestamp();
        while (true)
        {
            var tat = Volatile.Read(ref cell.TheoreticalArrival);
            var start = Math.Max(tat, now);

            // The moment one more request fits: max(TAT, now) + T - tolerance.
            var fitsAt = start + interval - tolerance;
            if (fitsAt > now)
            {
                retryAfter = TimeSpan.FromSeconds((double)(fitsAt - now) / frequency);
                return false;
            }

            if (Interlocked.CompareExchange(ref cell.TheoreticalArrival, start + (interval * count), tat) == tat)
            {
                return true;
            }
        }
    }

    /// <summary>Forgets an account (deleted); its next request starts with a full burst.</summary>
    public bool Remove(long accountId) => _cells.TryRemove(accountId, out _);

    private sealed class Cell
    {
        public long TheoreticalArrival = long.MinValue / 2;
    }
}
