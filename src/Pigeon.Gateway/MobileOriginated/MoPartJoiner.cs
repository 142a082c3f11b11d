using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.MobileOriginated;

/// <summary>
/// Joins held MO parts into the one MO their customer gets: each part's user data (its user data header, if any,
/// removed; 3GPP TS 23.040 section 9.2.3.24) in part-number order, under the first part's data_coding and esm_class
/// with UDHI cleared. GSM 7-bit stays one septet per octet, as suppliers send short_message. Where parts are missing
/// (a time-out), <see cref="GapMarker"/> stands in their place in text alphabets; 8-bit data is joined as it is.
/// Other header elements of the parts (application ports, for instance) are not carried over.
/// </summary>
internal static class MoPartJoiner
{
    /// <summary>What stands in for one or more missing parts, in the message's own alphabet.</summary>
    public const string GapMarker = "[...]";

    public static MoRecord Join(IReadOnlyList<MoPartRecord> parts, int totalParts, out IReadOnlyList<int> missing)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var byNumber = new MoPartRecord?[totalParts + 1];
        foreach (var part in parts)
        {
            if (part.PartNumber >= 1 && part.PartNumber <= totalParts)
            {
                byNumber[part.PartNumber] ??= part;
            }
        }

        var first = parts.MinBy(p => p.PartNumber)!.Part;
        var encoding = new DataCoding(first.DataCoding).Encoding;
        var marker = encoding == SmsEncoding.Binary ? [] : SmsText.GetBytes(GapMarker, encoding);
        var gaps = new List<int>();
        var body = new List<byte>(parts.Sum(p => p.Part.Body.Length));
        var inGap = false;
        for (var number = 1; number <= totalParts; number++)
        {
            if (byNumber[number] is not { } part)
            {
                gaps.Add(number);
                if (!inGap)
                {
                    body.AddRange(marker);
                }

                inGap = true;
                continue;
            }

            inGap = false;
            body.AddRange(UserData(part.Part).ToArray());
        }

        missing = gaps;
        return first with
        {
            Id = 0,
            EsmClass = (byte)(first.EsmClass & ~(byte)EsmClass.UdhIndicator),
            Body = [.. body],
            ReceivedAt = parts.Min(p => p.Part.ReceivedAt),
        };
    }

    /// <summary>The part's octets after its user data header (UDHL and the elements it counts), or all of them.</summary>
    public static ReadOnlySpan<byte> UserData(MoRecord part)
    {
        var body = part.Body;
        var hasHeader = (part.EsmClass & (byte)EsmClass.UdhIndicator) != 0 && body.Length > 0 && body[0] + 1 <= body.Length;
        return hasHeader ? body.AsSpan(body[0] + 1) : body;
    }
}
