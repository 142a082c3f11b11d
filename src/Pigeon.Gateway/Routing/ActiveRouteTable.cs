namespace Pigeon.Gateway.Routing;

/// <summary>
/// The route table in force. A change of routes or suppliers builds a whole new <see cref="RouteTable"/> and
/// swaps it in with one reference write; lookups in flight finish on the table they started with, and no lookup
/// ever sees half a change.
/// </summary>
public sealed class ActiveRouteTable
{
    private RouteTable _current;

    /// <summary>Starts with <paramref name="initial"/>, or an empty table.</summary>
    public ActiveRouteTable(RouteTable? initial = null) => _current = initial ?? RouteTable.Empty;

    /// <summary>The table to look up in now.</summary>
    public RouteTable Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="table"/> in force; returns the table it replaced.</summary>
    public RouteTable Replace(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Interlocked.Exchange(ref _current, table);
    }
}
