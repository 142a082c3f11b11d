namespace Pigeon.Storage.Relational;

/// <summary>
/// Money is stored exact to six decimal places on every engine (numeric(24,6) on PostgreSQL, integer millionths
/// on SQLite), so an amount with more places is refused rather than silently rounded.
/// </summary>
internal static class ExactMoney
{
    public const int Scale = 6;

    public const decimal UnitsPerWhole = 1_000_000m;

    /// <summary>The amount, if it has at most six decimal places.</summary>
    public static decimal Check(decimal amount) =>
        decimal.Round(amount, Scale) == amount
            ? amount
            : throw new ArgumentException($"Amount {amount} has more than {Scale} decimal places.", nameof(amount));

    /// <summary>The amount in millionths.</summary>
    public static long ToMillionths(decimal amount) => checked((long)(Check(amount) * UnitsPerWhole));

    public static decimal FromMillionths(long millionths) => millionths / UnitsPerWhole;
}
