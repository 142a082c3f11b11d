using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Submission;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class BlockedDestinationTests
{
    private readonly PlannerFixture _fixture = new();

    [Fact]
    public void A_number_blocked_for_everyone_is_refused_as_given_in_national_form_after_normalisation()
    {
        _fixture.Blocked = new BlockedDestinations([new BlockedNumber { Number = "447911123456" }]);

        var result = _fixture.Plan(PlannerFixture.Text("hi", destination: "07911 123456"));

        Assert.False(result.IsAccepted);
        Assert.Equal(RefusalReason.DestinationBlocked, result.Refusal.Reason);
        Assert.Equal("destination_blocked", result.Refusal.Code);
        Assert.Equal(100m, _fixture.Balance());
    }

    [Fact]
    public void A_number_blocked_for_the_customer_is_refused()
    {
        _fixture.Blocked = new BlockedDestinations([new BlockedNumber { Number = "+447911123456", CustomerId = PlannerFixture.CustomerId }]);

        var result = _fixture.Plan(PlannerFixture.Text("hi", destination: "+447911123456"));

        Assert.Equal(RefusalReason.DestinationBlocked, result.Refusal?.Reason);
    }

    [Fact]
    public void A_number_blocked_for_another_customer_is_sent()
    {
        _fixture.Blocked = new BlockedDestinations([new BlockedNumber { Number = "447911123456", CustomerId = PlannerFixture.CustomerId + 1 }]);

        var result = _fixture.Plan(PlannerFixture.Text("hi", destination: "447911123456"));

        Assert.True(result.IsAccepted, result.Refusal?.ToString());
    }

    [Fact]
    public void Other_numbers_are_not_blocked()
    {
        _fixture.Blocked = new BlockedDestinations([new BlockedNumber { Number = "447911123457" }]);

        Assert.True(_fixture.Plan(PlannerFixture.Text("hi", destination: "447911123456")).IsAccepted);
    }
}
