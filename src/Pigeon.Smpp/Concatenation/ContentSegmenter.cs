using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// Cuts encoded content into parts at element boundaries only: an escape and the septet it escapes stay together
/// (GSM, one septet per octet), and so do the two code units of a surrogate pair (UCS-2).
/// </summary>
internal static class ContentSegmenter
{
    private const byte CarriageReturn = 0x0D;

    /// <summary>Octets of the indivisible element that starts at <paramref name="index"/>.</summary>
    public static int ElementLength(ReadOnlySpan<byte> content, int index, SmsEncoding encoding)
    {
        switch (encoding)
        {
            case SmsEncoding.Gsm7:
                return (content[index] & 0x7F) == GsmAlphabet.Escape && index + 1 < content.Length ? 2 : 1;
            case SmsEncoding.Ucs2:
                if (index + 1 >= content.Length)
                {
                    return 1;
                }

                var unit = (char)((content[index] << 8) | content[index + 1]);
                if (char.IsHighSurrogate(unit) && index + 3 < content.Length
                    && char.IsLowSurrogate((char)((content[index + 2] << 8) | content[index + 3])))
                {
                    return 4;
                }

                return 2;
            default:
                return 1;
        }
    }

    /// <summary>
    /// Ranges of at most <paramref name="partOctets"/> octets each, filled greedily. When the parts will be packed
    /// (<paramref name="packedFillBits"/> not negative), a CR must not end a part on an octet boundary: the packer
    /// would double it (see <see cref="Gsm7Packer"/>). Such a CR moves to the next part, except in the last part,
    /// where it counts one septet more for its double.
    /// </summary>
    public static List<Range> Split(ReadOnlySpan<byte> content, SmsEncoding encoding, int partOctets, int packedFillBits = -1)
    {
        var packed = packedFillBits >= 0;
        var ranges = new List<Range>(content.Length / partOctets + 1);
        var start = 0;
        var last = -1;
        var i = 0;
        while (i < content.Length)
        {
            var end = i + ElementLength(content, i, encoding);
            var size = end - start;
            if (packed && EndsWithCarriageReturn(content, i, end) && OnOctetBoundary(packedFillBits, size))
            {
                size++;
            }

            if (size > partOctets && i > start)
            {
                var cut = packed && last >= start && EndsWithCarriageReturn(content, last, i) && OnOctetBoundary(packedFillBits, i - start) ? last : i;
                ranges.Add(start..cut);
                start = cut;
                continue;
            }

            last = i;
            i = end;
        }

        ranges.Add(start..content.Length);
        return ranges;
    }

    private static bool EndsWithCarriageReturn(ReadOnlySpan<byte> content, int elementStart, int elementEnd) =>
        elementEnd - elementStart == 1 && (content[elementStart] & 0x7F) == CarriageReturn;

    private static bool OnOctetBoundary(int fillBits, int septets) => (fillBits + septets * 7) % 8 == 0;
}
