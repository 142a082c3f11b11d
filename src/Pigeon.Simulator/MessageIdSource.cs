using System.Globalization;

namespace Pigeon.Simulator;

/// <summary>
/// Unique message ids: the start time in seconds in the high bits and a counter in the low 24, so ids stay
/// unique across restarts of the simulator (as a real SMSC's must) and sort by time. Hex or decimal digits.
/// </summary>
internal sealed class MessageIdSource(TimeProvider timeProvider, bool decimalIds)
{
    private readonly long _base = timeProvider.GetUtcNow().ToUnixTimeSeconds() << 24;
    private long _counter;

    public string Next()
    {
        var value = _base + Interlocked.Increment(ref _counter);
        return decimalIds
            ? value.ToString(CultureInfo.InvariantCulture)
            : value.ToString("x", CultureInfo.InvariantCulture);
    }
}
