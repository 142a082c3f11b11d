namespace Pigeon.Simulator.Tests;

public sealed class OutcomeMixTests
{
    [Fact]
    public void Outcomes_follow_the_configured_shares_over_consecutive_messages()
    {
        Assert.True(OutcomeMix.TryParse("DELIVRD=70,UNDELIV=20,EXPIRED=10", out var mix, out _));
        var counts = new Dictionary<string, int>();
        for (long sequence = 1; sequence <= 20_000; sequence++)
        {
            var stat = mix!.PickFor(sequence).Stat;
            counts[stat] = counts.GetValueOrDefault(stat) + 1;
        }

        Assert.InRange(counts["DELIVRD"], 13_600, 14_400);
        Assert.InRange(counts["UNDELIV"], 3_600, 4_400);
        Assert.InRange(counts["EXPIRED"], 1_600, 2_400);
    }

    [Fact]
    public void A_message_always_gets_the_same_outcome()
    {
        var mix = OutcomeMix.FromDeliveredRate(0.5, null);

        Assert.All(Enumerable.Range(1, 100), n => Assert.Equal(mix.PickFor(n), mix.PickFor(n)));
    }

    [Fact]
    public void Delivered_rate_splits_the_rest_over_the_failure_weights()
    {
        var mix = OutcomeMix.FromDeliveredRate(0.9, new Dictionary<string, double> { ["UNDELIV"] = 1, ["REJECTD"] = 1 });

        var shares = mix.Shares.ToDictionary(s => s.Outcome.Stat, s => s.Share);

        Assert.Equal(0.9, shares["DELIVRD"], 6);
        Assert.Equal(0.05, shares["UNDELIV"], 6);
        Assert.Equal(0.05, shares["REJECTD"], 6);
    }

    [Theory]
    [InlineData("LOST=1")]
    [InlineData("DELIVRD=x")]
    [InlineData("DELIVRD=0")]
    [InlineData("DELIVRD")]
    public void Bad_mixes_are_refused_with_a_reason(string text)
    {
        Assert.False(OutcomeMix.TryParse(text, out var mix, out var error));
        Assert.Null(mix);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
