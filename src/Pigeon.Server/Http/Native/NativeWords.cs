using System.Globalization;
using Pigeon.Gateway.Messages;
using Pigeon.Smpp.Text;

namespace Pigeon.Server.Http.Native;

/// <summary>The native API's words for the gateway's values: statuses, encodings, money, numbers.</summary>
internal static class NativeWords
{
    public static string Status(MessageStatus status) => status switch
    {
        MessageStatus.Accepted => "accepted",
        MessageStatus.Enroute => "enroute",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Expired => "expired",
        MessageStatus.Deleted => "deleted",
        MessageStatus.Undeliverable => "undeliverable",
        MessageStatus.Rejected => "rejected",
        _ => "unknown",
    };

    /// <summary>The status a word names (the filter of a list); false for a word that is none.</summary>
    public static bool TryParseStatus(string word, out MessageStatus status)
    {
        foreach (var candidate in Enum.GetValues<MessageStatus>())
        {
            if (Status(candidate) == word)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string Encoding(SmsEncoding encoding) => encoding switch
    {
        SmsEncoding.Gsm7 => "gsm7",
        SmsEncoding.Latin1 => "latin1",
        SmsEncoding.Ucs2 => "ucs2",
        _ => "binary",
    };

    /// <summary>An amount as an exact decimal string, never in exponent form ("0.01", "12.5").</summary>
    public static string Money(decimal amount) => amount.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A stored destination as shown: E.164 digits get their '+'; a short code stays as it is.</summary>
    public static string Number(string digits, bool international) => international ? "+" + digits : digits;

    /// <summary>Ids are shown as decimal strings: 64-bit numbers do not survive JavaScript's doubles.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
