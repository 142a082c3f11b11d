namespace Pigeon.Gateway.Routing;

/// <summary>
/// Sends destinations starting with <see cref="Prefix"/> to a supplier at a price per segment. The longest
/// matching prefix wins; among routes of that prefix a customer's own come before the defaults
/// (<see cref="CustomerId"/> null), then lower <see cref="Priority"/> first. The routes after the first are the
/// failover order.
/// </summary>
public sealed record Route
{
    public required long Id { get; init; }

    /// <summary>E.164 digit prefix; empty matches every destination (catch-all).</summary>
    public required string Prefix { get; init; }

    /// <summary>The customer this route is for, or null for every customer.</summary>
    public long? CustomerId { get; init; }

    public required long SupplierId { get; init; }

    /// <summary>Price of one segment, in <see cref="Currency"/>.</summary>
    public required decimal Price { get; init; }

    /// <summary>ISO 4217 currency of the price.</summary>
    public required string Currency { get; init; }

    /// <summary>Order among routes of the same prefix and customer, lower first.</summary>
    public int Priority { get; init; }

    public bool Enabled { get; init; } = true;
}
