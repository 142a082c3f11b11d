using System.Globalization;
using System.Text.RegularExpressions;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// RFC 3339 section 5.6 date-times, as the native API takes them: a full date, 'T', a time with optional fraction,
/// and a required offset ('Z' or ±hh:mm). A time without an offset is refused rather than guessed.
/// </summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
