namespace Pigeon.Gateway.Routing;

/// <summary>What a message costs: the route's price per segment times the segments, in the customer's currency.</summary>
/// <param name="PricePerSegment">The route's price of one segment.</param>
/// <param name="Segments">Segments charged for.</param>
/// <param name="Amount"><paramref name="PricePerSegment"/> × <paramref name="Segments"/>, exactly (decimal).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
public readonly record struct Charge(decimal PricePerSegment, int Segments, decimal Amount, string Currency);
