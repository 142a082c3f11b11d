namespace Pigeon.Gateway.Routing;

/// <summary>
/// Prices a message on its route. Money is <see cref="decimal"/> throughout: no rounding happens here, a price of
/// 0.0125 per segment times 3 segments is exactly 0.0375. A route priced in another currency than the customer's
/// balance cannot be charged (there is no conversion), so it is refused rather than guessed at.
/// </summary>
public static class ChargeCalculator
{
    /// <summary>
    /// The charge for <paramref name="segments"/> segments on <paramref name="route"/> for a customer whose balance is
    /// in <paramref name="customerCurrency"/>; false when the currencies differ (compared without regard to case).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segments"/> is below 1.</exception>
    public static bool TryCalculate(Route route, int segments, string customerCurrency, out Charge charge)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(customerCurrency);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        if (!string.Equals(route.Currency, customerCurrency, StringComparison.OrdinalIgnoreCase))
        {
            charge = default;
            return false;
        }

        charge = new Charge(route.Price, segments, route.Price * segments, customerCurrency);
        return true;
    }
}
