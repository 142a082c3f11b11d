using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Tests.Routing;

public sealed class ChargeCalculatorTests
{
    [Theory]
    [InlineData("0.05", 1, "0.05")]
    [InlineData("0.0125", 3, "0.0375")]
    [InlineData("0.1", 10, "1.0")]
    [InlineData("0", 4, "0")]
    public void The_charge_is_the_price_per_segment_times_the_segments_exactly(string price, int segments, string expected)
    {
        var route = RouteTableTests.Route(1, "", 1, price: decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(ChargeCalculator.TryCalculate(route, segments, "EUR", out var charge));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), charge.Amount);
        Assert.Equal(segments, charge.Segments);
        Assert.Equal(route.Price, charge.PricePerSegment);
        Assert.Equal("EUR", charge.Currency);
    }

    [Fact]
    public void A_price_in_another_currency_cannot_be_charged()
    {
        var route = RouteTableTests.Route(1, "", 1, currency: "USD");

        Assert.False(ChargeCalculator.TryCalculate(route, 1, "EUR", out var charge));
        Assert.Equal(default, charge);
    }

    [Fact]
    public void Currencies_compare_without_regard_to_case()
    {
        var route = RouteTableTests.Route(1, "", 1, currency: "eur");

        Assert.True(ChargeCalculator.TryCalculate(route, 2, "EUR", out _));
    }

    [Fact]
    public void Zero_segments_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChargeCalculator.TryCalculate(RouteTableTests.Route(1, "", 1), 0, "EUR", out _));
    }
}
