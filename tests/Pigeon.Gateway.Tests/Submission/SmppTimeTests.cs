using Pigeon.Gateway.Submission;

namespace Pigeon.Gateway.Tests.Submission;

public sealed class SmppTimeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_means_none()
    {
        Assert.True(SmppTime.TryParse("", Now, out var time));
        Assert.Null(time);
    }

    [Theory]
    // Section 7.1.1: local time and its distance from UTC in quarter hours.
    [InlineData("250310143000000+", "2025-03-10T14:30:00Z")]
    [InlineData("250310143000004+", "2025-03-10T13:30:00Z")]
    [InlineData("250310143000008-", "2025-03-10T16:30:00Z")]
    [InlineData("251231235959948+", "2025-12-31T11:59:59.9Z")]
    [InlineData("240229000000000+", "2024-02-29T00:00:00Z")]
    public void An_absolute_time_is_read_as_UTC(string value, string expected)
    {
        Assert.True(SmppTime.TryParse(value, Now, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("000000010000000R", 0, 0, 0, 1, 0, 0)]
    [InlineData("000002000000000R", 0, 0, 2, 0, 0, 0)]
    [InlineData("000000003045000R", 0, 0, 0, 0, 30, 45)]
    [InlineData("010100000000000R", 1, 1, 0, 0, 0, 0)]
    public void A_relative_time_counts_from_now(string value, int years, int months, int days, int hours, int minutes, int seconds)
    {
        Assert.True(SmppTime.TryParse(value, Now, out var time));
        Assert.Equal(Now.AddYears(years).AddMonths(months).AddDays(days).Add(new TimeSpan(hours, minutes, seconds)), time);
    }

    [Theory]
    [InlineData("2503101430000")]
    [InlineData("250310143000000+0")]
    [InlineData("250310143000000X")]
    [InlineData("25031014300A000+")]
    [InlineData("251310143000000+")]
    [InlineData("250332143000000+")]
    [InlineData("250229000000000+")]
    [InlineData("250310243000000+")]
    [InlineData("250310146000000+")]
    [InlineData("250310143000049+")]
    [InlineData("000000010000100R")]
    [InlineData("000000010000004R")]
    public void A_malformed_time_is_refused(string value)
    {
        Assert.False(SmppTime.TryParse(value, Now, out _));
    }

    [Fact]
    public void An_absolute_time_written_is_read_back()
    {
        var time = new DateTimeOffset(2026, 7, 4, 9, 15, 30, 700, TimeSpan.Zero);

        var text = SmppTime.FormatAbsolute(time);

        Assert.Equal("260704091530700+", text);
        Assert.True(SmppTime.TryParse(text, Now, out var read));
        Assert.Equal(time, read);
    }
}
