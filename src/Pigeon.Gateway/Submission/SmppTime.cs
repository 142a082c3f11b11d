using System.Globalization;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// The time format of schedule_delivery_time and validity_period (SMPP v3.4 section 7.1.1), 16 characters:
/// <code>
/// YY MM DD hh mm ss t nn p
/// YY   00-99   year 2000-2099
/// MM   01-12   month;  DD 01-31 day;  hh 00-23;  mm 00-59;  ss 00-59
/// t    0-9     tenths of a second
/// nn   00-48   quarter hours between the local time given and UTC
/// p    '+'     local time is ahead of UTC; '-' behind; 'R' relative: YYMMDDhhmmss is a span from now, t and nn are 0
/// </code>
/// </summary>
public static class SmppTime
{
    private const int Length = 16;

    /// <summary>
    /// Reads <paramref name="value"/>; an empty value is valid and means "none" (null). A relative time counts from
    /// <paramref name="now"/>. False for anything malformed.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, DateTimeOffset now, out DateTimeOffset? time)
    {
        time = null;
        if (value.IsEmpty)
        {
            return true;
        }

        if (value.Length != Length || value[..15].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var years = Two(value, 0);
        var months = Two(value, 2);
        var days = Two(value, 4);
        var hours = Two(value, 6);
        var minutes = Two(value, 8);
        var seconds = Two(value, 10);
        var tenths = value[12] - '0';
        var quarters = Two(value, 13);
        switch (value[15])
        {
            case 'R':
                if (tenths != 0 || quarters != 0 || hours > 23 || minutes > 59 || seconds > 59)
                {
                    return false;
                }

                time = now.AddYears(years).AddMonths(months).AddDays(days)
                    .Add(new TimeSpan(hours, minutes, seconds));
                return true;
            case '+' or '-':
                if (quarters > 48 || months is < 1 or > 12 || days < 1 || days > DateTime.DaysInMonth(2000 + years, months)
                    || hours > 23 || minutes > 59 || seconds > 59)
                {
                    return false;
                }

                var offset = TimeSpan.FromMinutes(quarters * 15 * (value[15] == '+' ? 1 : -1));
                time = new DateTimeOffset(2000 + years, months, days, hours, minutes, seconds, tenths * 100, offset).ToUniversalTime();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="time"/> as an absolute SMPP time in UTC ("...000+").</summary>
    public static string FormatAbsolute(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture, $"{utc:yyMMddHHmmss}{utc.Millisecond / 100}00+");
    }

    private static int Two(ReadOnlySpan<char> value, int index) => (value[index] - '0') * 10 + (value[index + 1] - '0');
}
