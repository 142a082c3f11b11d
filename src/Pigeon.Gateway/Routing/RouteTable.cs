using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pigeon.Gateway.Routing;

/// <summary>
/// An immutable snapshot of the routes and suppliers, built for lookups: a digit trie of the route prefixes. The
/// longest prefix that has a route for the customer wins; at one prefix the customer's own routes come before the
/// defaults, then lower <see cref="Route.Priority"/>, then lower id. Disabled routes, routes of suppliers that are
/// administratively down and routes of unknown suppliers are left out when the table is built. A supplier whose
/// submits are suspended still routes: its messages wait in its queue rather than go elsewhere.
/// <para>
/// A lookup walks one trie path and allocates nothing. The answers are built ahead: for the defaults at every
/// prefix when the table is built, and for a customer with routes of its own the first time such a lookup ends at a
/// given prefix (then kept with the table).
/// </para>
/// </summary>
public sealed class RouteTable
{
    private const int Fanout = 10;

    private readonly int[] _children;
    private readonly int[] _parents;
    private readonly Route[]?[] _defaults;
    private readonly FrozenDictionary<long, Route[]>?[] _customerRoutes;
    private readonly RouteSelection?[] _defaultSelections;
    private readonly FrozenDictionary<long, Supplier> _suppliers;
    private readonly ConcurrentDictionary<(int Node, long Customer), RouteSelection> _customerSelections = new();

    private RouteTable(
        int[] children,
        int[] parents,
        Route[]?[] defaults,
        FrozenDictionary<long, Route[]>?[] customerRoutes,
        FrozenDictionary<long, Supplier> suppliers,
        int routeCount)
    {
        _children = children;
        _parents = parents;
        _defaults = defaults;
        _customerRoutes = customerRoutes;
        _suppliers = suppliers;
        RouteCount = routeCount;
        _defaultSelections = new RouteSelection?[parents.Length];
        var chains = new List<Route>?[parents.Length];
        for (var node = 0; node < parents.Length; node++)
        {
            // Parents are created before their children, so the parent's chain is ready.
            var inherited = node == 0 ? null : chains[_parents[node]];
            if (_defaults[node] is { } own)
            {
                var chain = new List<Route>(own.Length + (inherited?.Count ?? 0));
                chain.AddRange(own);
                if (inherited is not null)
                {
                    chain.AddRange(inherited);
                }

                chains[node] = chain;
                _defaultSelections[node] = CreateSelection(chain);
            }
            else
            {
                chains[node] = inherited;
            }
        }
    }

    /// <summary>A table without routes: every lookup fails.</summary>
    public static RouteTable Empty { get; } = Build([], []);

    /// <summary>Routes in use (enabled, with a supplier that is up).</summary>
    public int RouteCount { get; }

    /// <summary>Builds a table from a snapshot of all routes and suppliers.</summary>
    /// <exception cref="ArgumentException">A route's prefix holds something other than digits.</exception>
    public static RouteTable Build(IEnumerable<Route> routes, IEnumerable<Supplier> suppliers)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(suppliers);
        var supplierMap = suppliers.ToFrozenDictionary(s => s.Id);
        var children = new List<int>(Fanout) { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        var parents = new List<int> { 0 };
        var defaults = new Dictionary<int, List<Route>>();
        var customers = new Dictionary<int, Dictionary<long, List<Route>>>();
        var count = 0;
        foreach (var route in routes)
        {
            if (route.Prefix.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                throw new ArgumentException($"Route {route.Id} has prefix \"{route.Prefix}\"; a prefix is E.164 digits only.", nameof(routes));
            }

            if (!route.Enabled || !supplierMap.TryGetValue(route.SupplierId, out var supplier) || !supplier.AdminUp)
            {
                continue;
            }

            var node = 0;
            foreach (var c in route.Prefix)
            {
                var slot = node * Fanout + (c - '0');
                if (children[slot] == 0)
                {
                    children[slot] = parents.Count;
                    parents.Add(node);
                    children.AddRange(new int[Fanout]);
                }

                node = children[slot];
            }

            if (route.CustomerId is { } customerId)
            {
                customers.TryAdd(node, []);
                var byCustomer = customers[node];
                byCustomer.TryAdd(customerId, []);
                byCustomer[customerId].Add(route);
            }
            else
            {
                defaults.TryAdd(node, []);
                defaults[node].Add(route);
            }

            count++;
        }

        var defaultArrays = new Route[]?[parents.Count];
        foreach (var (node, list) in defaults)
        {
            defaultArrays[node] = [.. list.Order(RouteOrder.Instance)];
        }

        var customerArrays = new FrozenDictionary<long, Route[]>?[parents.Count];
        foreach (var (node, byCustomer) in customers)
        {
            customerArrays[node] = byCustomer.ToFrozenDictionary(p => p.Key, p => p.Value.Order(RouteOrder.Instance).ToArray());
        }

        return new RouteTable([.. children], [.. parents], defaultArrays, customerArrays, supplierMap, count);
    }

    /// <summary>
    /// Finds the route for <paramref name="destination"/> (E.164 digits, or a short code) sent by customer
    /// <paramref name="customerId"/>. False when no route covers it.
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> destination, long customerId, [NotNullWhen(true)] out RouteSelection? selection)
    {
        var node = 0;
        var deepest = -1;
        var customerHasRoutes = false;
        Visit(0, customerId, ref deepest, ref customerHasRoutes);
        foreach (var c in destination)
        {
            var digit = (uint)(c - '0');
            if (digit >= Fanout)
            {
                break;
            }

            var child = _children[node * Fanout + (int)digit];
            if (child == 0)
            {
                break;
            }

            node = child;
            Visit(node, customerId, ref deepest, ref customerHasRoutes);
        }

        if (deepest < 0)
        {
            selection = null;
            return false;
        }

        selection = customerHasRoutes
            ? _customerSelections.GetOrAdd((deepest, customerId), static (key, table) => table.CreateCustomerSelection(key.Node, key.Customer), this)
            : _defaultSelections[deepest]!;
        return true;
    }

    private void Visit(int node, long customerId, ref int deepest, ref bool customerHasRoutes)
    {
        if (_customerRoutes[node] is { } byCustomer && byCustomer.ContainsKey(customerId))
        {
            customerHasRoutes = true;
            deepest = node;
        }
        else if (_defaults[node] is not null)
        {
            deepest = node;
        }
    }

    private RouteSelection CreateCustomerSelection(int node, long customerId)
    {
        var candidates = new List<Route>();
        for (var n = node; ; n = _parents[n])
        {
            if (_customerRoutes[n] is { } byCustomer && byCustomer.TryGetValue(customerId, out var own))
            {
                candidates.AddRange(own);
            }

            if (_defaults[n] is { } shared)
            {
                candidates.AddRange(shared);
            }

            if (n == 0)
            {
                break;
            }
        }

        return CreateSelection(candidates);
    }

    private RouteSelection CreateSelection(List<Route> candidates)
    {
        var chosen = candidates[0];
        var failover = new List<long>();
        foreach (var route in candidates)
        {
            if (route.SupplierId != chosen.SupplierId && !failover.Contains(route.SupplierId))
            {
                failover.Add(route.SupplierId);
            }
        }

        return new RouteSelection(chosen, _suppliers[chosen.SupplierId], candidates.AsReadOnly(), [.. failover]);
    }

    /// <summary>Lower priority first, then lower id, so that equal priorities still order the same every time.</summary>
    private sealed class RouteOrder : IComparer<Route>
    {
        public static readonly RouteOrder Instance = new();

        public int Compare(Route? x, Route? y) =>
            x is null || y is null ? (x is null).CompareTo(y is null) * -1
            : x.Priority != y.Priority ? x.Priority.CompareTo(y.Priority)
            : x.Id.CompareTo(y.Id);
    }
}
