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
/// The TAT is advanced with compare-and-swap: no lock, and no allocation per call once an account has been seen.
/// A refusal is answered ESME_RTHROTTLED (<c>throttled</c>).
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
    public bool TryAcquire(long accountId, int tps)
    {
        if (tps <= 0)
        {
            return true;
        }

        if (!_cells.TryGetValue(accountId, out var cell))
        {
            cell = _cells.GetOrAdd(accountId, static _ => new Cell());
        }

        var interval = Math.Max(1L, _timeProvider.TimestampFrequency / tps);
        var tolerance = interval * tps;
        var now = _timeProvider.GetTimestamp();
        while (true)
        {
            var tat = Volatile.Read(ref cell.TheoreticalArrival);
            var next = Math.Max(tat, now) + interval;
            if (next - now > tolerance)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref cell.TheoreticalArrival, next, tat) == tat)
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
