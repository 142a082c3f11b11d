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
    /// (<paramref name="packedFillBits"/> not negative), a part whose last septet is CR and that ends on an octet
    /// boundary counts one septet more, for the second CR the packer adds.
    /// </summary>
    public static List<Range> Split(ReadOnlySpan<byte> content, SmsEncoding encoding, int partOctets, int packedFillBits = -1)
    {
        var ranges = new List<Range>(content.Length / partOctets + 1);
        var start = 0;
        var i = 0;
        while (i < content.Length)
        {
            var end = i + ElementLength(content, i, encoding);
            var size = end - start;
            if (packedFillBits >= 0 && (content[end - 1] & 0x7F) == CarriageReturn && (packedFillBits + size * 7) % 8 == 0)
            {
                size++;
            }

            if (size > partOctets && i > start)
            {
                ranges.Add(start..i);
                start = i;
            }

            i = end;
        }

        ranges.Add(start..content.Length);
        return ranges;
    }
}
