using System.Globalization;

namespace Pigeon.Gateway.Identity;

/// <summary>
/// A message's identity: 64 bits, time-ordered and unique per installation, also across nodes.
/// <code>
/// bit 63      0 (ids are positive)
/// bits 62-22  milliseconds since 2024-01-01T00:00:00Z (41 bits: 69 years)
/// bits 21-12  node number, 0..1023
/// bits 11-0   sequence within the millisecond, 0..4095
/// </code>
/// Shown as a decimal string (at most 19 digits), which fits SMPP's 65-octet message_id and every dialect's id field.
/// </summary>
public readonly record struct MessageId(long Value) : IComparable<MessageId>
{
    /// <summary>The epoch the timestamp bits count from.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When the id was made, to the millisecond.</summary>
    public DateTimeOffset Timestamp => Epoch.AddMilliseconds(Value >> 22);

    /// <summary>The node that made the id.</summary>
    public int Node => (int)((Value >> 12) & 0x3FF);

    /// <inheritdoc />
    public int CompareTo(MessageId other) => Value.CompareTo(other.Value);

    public static bool operator <(MessageId left, MessageId right) => left.Value < right.Value;

    public static bool operator <=(MessageId left, MessageId right) => left.Value <= right.Value;

    public static bool operator >(MessageId left, MessageId right) => left.Value > right.Value;

    public static bool operator >=(MessageId left, MessageId right) => left.Value >= right.Value;

    /// <summary>Parses the decimal form; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MessageId id)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = new MessageId(ok ? value : 0);
        return ok;
    }

    /// <summary>Writes the decimal form into a span without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int written) =>
        Value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
