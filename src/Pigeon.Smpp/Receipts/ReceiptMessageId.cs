using System.Globalization;

namespace Pigeon.Smpp.Receipts;

/// <summary>
/// Matching the message id in a receipt against the one submit_sm_resp returned. SMSCs disagree with themselves:
/// the response may give "00A1B2" and the receipt "a1b2" or its decimal value "41394". Ids are compared after
/// <see cref="Normalize"/>, and a hexadecimal reading of one may equal a decimal reading of the other. Since that
/// relation is not transitive, it is offered as lookup keys rather than as an equality comparer: store each
/// submitted id under <see cref="Normalize"/>, then look a receipt up by each of <see cref="GetLookupKeys"/>.
/// </summary>
public static class ReceiptMessageId
{
    /// <summary>Trimmed, lower-case, without a "0x" prefix or leading zeros ("0" stays "0").</summary>
    public static string Normalize(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var span = id.AsSpan().Trim();
        if (span.Length > 2 && span[0] == '0' && span[1] is 'x' or 'X')
        {
            span = span[2..];
        }

        var zeros = 0;
        while (zeros < span.Length - 1 && span[zeros] == '0')
        {
            zeros++;
        }

        var normalized = span[zeros..];

        // Most SMSCs already send lower-case ids without padding: hand back the same string, allocating nothing.
        if (normalized.Length == id.Length && !normalized.ContainsAnyInRange('A', 'Z'))
        {
            return id;
        }

        return normalized.ToString().ToLowerInvariant();
    }

    /// <summary>True if the ids are equal once normalized, or one's hexadecimal value is the other's decimal value.</summary>
    public static bool AreEquivalent(string first, string second)
    {
        var a = Normalize(first);
        var b = Normalize(second);
        return a == b
            || (TryHex(a, out var hexA) && TryDecimal(b, out var decB) && hexA == decB)
            || (TryDecimal(a, out var decA) && TryHex(b, out var hexB) && decA == hexB);
    }

    /// <summary>
    /// The normalized forms an id a receipt carries may have been stored under: itself normalized, its hexadecimal
    /// value written in decimal, and its decimal value written in hexadecimal (those that apply, without repeats).
    /// </summary>
    public static IReadOnlyList<string> GetLookupKeys(string id)
    {
        var normalized = Normalize(id);
        var keys = new List<string>(3) { normalized };
        if (TryHex(normalized, out var hex))
        {
            Add(keys, hex.ToString(CultureInfo.InvariantCulture));
        }

        if (TryDecimal(normalized, out var value))
        {
            Add(keys, value.ToString("x", CultureInfo.InvariantCulture));
        }

        return keys;
    }

    private static void Add(List<string> keys, string key)
    {
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private static bool TryHex(string id, out UInt128 value) =>
        UInt128.TryParse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    private static bool TryDecimal(string id, out UInt128 value) =>
        UInt128.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
