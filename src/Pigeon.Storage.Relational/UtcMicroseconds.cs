namespace Pigeon.Storage.Relational;

/// <summary>Times as microseconds since 1970-01-01 UTC, PostgreSQL's precision, for engines without a time type.</summary>
internal static class UtcMicroseconds
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset To(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10), TimeSpan.Zero);
}
