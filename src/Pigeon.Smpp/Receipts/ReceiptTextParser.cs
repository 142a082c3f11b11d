using System.Globalization;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Receipts;

/// <summary>
/// Reads receipt text the way SMSCs really write it, not only as Appendix B shows it: keys in any case and order,
/// some missing, "submit_date" or "submitdate" for "submit date", spaces around the colon or doubled between fields,
/// unknown fields, dates with or without seconds, and trailing NULs or line breaks. Everything after the text key
/// is the text, colons and all.
/// </summary>
internal static class ReceiptTextParser
{
    private enum Field
    {
        Id,
        Submitted,
        Delivered,
        SubmitDate,
        DoneDate,
        Stat,
        Error,
        Text,
    }

    // Aliases per field; a space stands for any run of spaces or underscores, or none.
    private static readonly (string Key, Field Field)[] Keys =
    [
        ("id", Field.Id),
        ("sub", Field.Submitted),
        ("dlvrd", Field.Delivered),
        ("submit date", Field.SubmitDate),
        ("done date", Field.DoneDate),
        ("stat", Field.Stat),
        ("status", Field.Stat),
        ("err", Field.Error),
        ("error", Field.Error),
        ("text", Field.Text),
    ];

    private static readonly string[] DateFormats = ["yyMMddHHmm", "yyMMddHHmmss", "yyyyMMddHHmmss"];

    public static DeliveryReceipt? Parse(ReadOnlySpan<char> text)
    {
        var s = text.TrimEnd("\0\r\n\t ");
        string? id = null;
        string? stat = null;
        string? error = null;
        string? body = null;
        int? submitted = null;
        int? delivered = null;
        DateTime? submitDate = null;
        DateTime? doneDate = null;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && IsSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                break;
            }

            if (!TryMatchKey(s, i, out var field, out var valueStart))
            {
                while (i < s.Length && !IsSpace(s[i]))
                {
                    i++;
                }

                continue;
            }

            if (field == Field.Text)
            {
                body ??= s[valueStart..].ToString();
                break;
            }

            var start = valueStart;
            var next = start;
            while (next < s.Length && IsSpace(s[next]))
            {
                next++;
            }

            if (next > start && next < s.Length && !TryMatchKey(s, next, out _, out _))
            {
                start = next;
            }

            var end = start;
            while (end < s.Length && !IsSpace(s[end]))
            {
                end++;
            }

            var value = s[start..end];
            switch (field)
            {
                case Field.Id:
                    id ??= value.ToString();
                    break;
                case Field.Submitted:
                    submitted ??= ParseCount(value);
                    break;
                case Field.Delivered:
                    delivered ??= ParseCount(value);
                    break;
                case Field.SubmitDate:
                    submitDate ??= ParseDate(value);
                    break;
                case Field.DoneDate:
                    doneDate ??= ParseDate(value);
                    break;
                case Field.Stat:
                    stat ??= value.ToString();
                    break;
                default:
                    error ??= value.ToString();
                    break;
            }

            i = end;
        }

        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return new DeliveryReceipt
        {
            MessageId = id,
            Submitted = submitted,
            Delivered = delivered,
            SubmitDate = submitDate,
            DoneDate = doneDate,
            State = stat is null ? null : ReceiptStat.Parse(stat),
            StatusText = stat,
            Error = error,
            Text = body,
        };
    }

    /// <summary>Parses a date field: YYMMDDhhmm, YYMMDDhhmmss or YYYYMMDDhhmmss; null if it is none of them.</summary>
    internal static DateTime? ParseDate(ReadOnlySpan<char> value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int? ParseCount(ReadOnlySpan<char> value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\0';

    private static bool TryMatchKey(ReadOnlySpan<char> s, int index, out Field field, out int valueStart)
    {
        foreach (var (key, candidate) in Keys)
        {
            var end = MatchKey(s, index, key);
            if (end < 0)
            {
                continue;
            }

            while (end < s.Length && s[end] is ' ' or '\t')
            {
                end++;
            }

            if (end < s.Length && s[end] == ':')
            {
                field = candidate;
                valueStart = end + 1;
                return true;
            }
        }

        field = default;
        valueStart = 0;
        return false;
    }

    // Index just past the key, or -1.
    private static int MatchKey(ReadOnlySpan<char> s, int index, string key)
    {
        var i = index;
        foreach (var k in key)
        {
            if (k == ' ')
            {
                while (i < s.Length && s[i] is ' ' or '_')
                {
                    i++;
                }

                continue;
            }

            if (i >= s.Length || char.ToLowerInvariant(s[i]) != k)
            {
                return -1;
            }

            i++;
        }

        return i;
    }
}
