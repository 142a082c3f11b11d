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

    /// <summary>The next id and its sequence number (1, 2, ...).</summary>
    public string Next(out long sequence)
    {
        sequence = Interlocked.Increment(ref _counter);
        var value = _base + sequence;
        return decimalIds
            ? value.ToString(CultureInfo.InvariantCulture)
            : value.ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>The sequence number of an id this source gave out; false for any other text.</summary>
    public bool TryGetSequence(string id, out long sequence)
    {
        var parsed = decimalIds
            ? long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        sequence = value - _base;
        return parsed && sequence >= 1 && sequence <= Volatile.Read(ref _counter);
    }
}
