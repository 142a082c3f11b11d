using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class ClosedUserGroupTests
{
    [Fact]
    public void An_empty_group_restricts_nothing()
    {
        var group = new ClosedUserGroup([]);

        Assert.False(group.IsRestricted);
        Assert.True(group.Allows("447911123456"));
    }

    [Fact]
    public void A_number_entry_matches_exactly()
    {
        var group = new ClosedUserGroup(["447911123456"]);

        Assert.True(group.Allows("447911123456"));
        Assert.False(group.Allows("4479111234567"));
        Assert.False(group.Allows("44791112345"));
    }

    [Fact]
    public void A_prefix_entry_matches_every_number_starting_with_it()
    {
        var group = new ClosedUserGroup(["4479*"]);

        Assert.True(group.Allows("447911123456"));
        Assert.True(group.Allows("4479"));
        Assert.False(group.Allows("447811123456"));
    }

    [Fact]
    public void A_plus_and_spaces_in_an_entry_are_ignored()
    {
        var group = new ClosedUserGroup([" +447911123456 ", "+3361*"]);

        Assert.True(group.Allows("447911123456"));
        Assert.True(group.Allows("33612345678"));
    }

    [Fact]
    public void A_group_of_malformed_entries_refuses_everything()
    {
        var group = new ClosedUserGroup(["not a number", "*"]);

        Assert.True(group.IsRestricted);
        Assert.False(group.Allows("447911123456"));
    }

    [Fact]
    public void The_planner_refuses_a_destination_outside_the_group_with_ESME_RINVDSTADR()
    {
        var fixture = new PlannerFixture();
        fixture.Smpp = fixture.Smpp! with { ClosedUserGroup = ["447911123456", "3361*"] };

        Assert.True(fixture.Plan(PlannerFixture.Text("hi", destination: "07911123456")).IsAccepted);
        Assert.True(fixture.Plan(PlannerFixture.Text("hi", destination: "+33612345678")).IsAccepted);
        var refused = fixture.Plan(PlannerFixture.Text("hi", destination: "+447911123457"));

        SubmissionPlannerTests.AssertRefused(refused, RefusalReason.DestinationNotInClosedUserGroup, CommandStatus.InvalidDestinationAddress);
        Assert.Equal("destination_not_allowed", refused.Refusal!.Code);
    }

    [Fact]
    public void Over_HTTP_there_is_no_closed_user_group()
    {
        var fixture = new PlannerFixture { Smpp = null };

        var plan = fixture.Plan(PlannerFixture.Text("hi", destination: "+447911123457")).Plan!;

        Assert.Null(plan.SmppAccountId);
    }
}
