namespace Pigeon.Gateway.Routing;

/// <summary>
/// Where a destination goes: the route chosen (its supplier and price) and, in order, the other suppliers to fail
/// over to. Shared by every lookup that resolves the same way, so treat it as read-only.
/// </summary>
public sealed class RouteSelection
{
    internal RouteSelection(Route route, Supplier supplier, IReadOnlyList<Route> candidates, long[] failoverSupplierIds)
    {
        Route = route;
        Supplier = supplier;
        Candidates = candidates;
        FailoverSupplierIds = failoverSupplierIds;
    }

    /// <summary>The route chosen: the first of <see cref="Candidates"/>.</summary>
    public Route Route { get; }

    /// <summary>The chosen route's supplier.</summary>
    public Supplier Supplier { get; }

    /// <summary>
    /// Every route that matched, best first: longest prefix first; at one prefix the customer's own routes before the
    /// defaults; then lower priority first, then lower id.
    /// </summary>
    public IReadOnlyList<Route> Candidates { get; }

    /// <summary>The distinct suppliers of the remaining candidates, in candidate order, without the chosen one.</summary>
    public IReadOnlyList<long> FailoverSupplierIds { get; }
}
