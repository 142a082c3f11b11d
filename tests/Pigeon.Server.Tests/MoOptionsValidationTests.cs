using Pigeon.Server.Options;

namespace Pigeon.Server.Tests;

/// <summary>Pigeon:Mo is checked at start like every other setting.</summary>
public sealed class MoOptionsValidationTests
{
    [Fact]
    public void The_default_reassembly_time_out_is_five_minutes_and_valid()
    {
        var options = new PigeonOptions();

        var result = new PigeonOptionsValidator().Validate(null, options);

        Assert.Equal(TimeSpan.FromMinutes(5), options.Mo.ReassemblyTimeout);
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.500")]
    [InlineData("1.00:00:01")]
    public void A_reassembly_time_out_out_of_range_is_refused_by_name(string value)
    {
        var options = new PigeonOptions { Mo = new MoOptions { ReassemblyTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) } };

        var result = new PigeonOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Pigeon:Mo:ReassemblyTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_parts_are_swept_at_a_quarter_of_the_time_out_and_at_least_every_five_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new MoOptions().SweepInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), new MoOptions { ReassemblyTimeout = TimeSpan.FromSeconds(2) }.SweepInterval);
    }
}
