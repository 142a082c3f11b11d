namespace Pigeon.Smpp.Text;

/// <summary>
/// Counts segments over characters without encoding them, walking indivisible elements: a GSM character (two
/// septets for an extension character), a UTF-16 surrogate pair, or one code unit or octet.
/// </summary>
internal static class TextSegmenter
{
    /// <summary>Sizes <paramref name="text"/>; throws if a character cannot be written in <paramref name="encoding"/>.</summary>
    public static MessageSizing Measure(ReadOnlySpan<char> text, SmsEncoding encoding, SegmentLimits limits)
    {
        var total = 0;
        for (var i = 0; i < text.Length;)
        {
            total += ElementCost(text, i, encoding, out var chars);
            i += chars;
        }

        if (total <= limits.Single)
        {
            return new MessageSizing(encoding, 1, total, limits.Single, limits.Single - total);
        }

        var segments = 1;
        var inSegment = 0;
        for (var i = 0; i < text.Length;)
        {
            var cost = ElementCost(text, i, encoding, out var chars);
            if (inSegment + cost > limits.Part)
            {
                segments++;
                inSegment = 0;
            }

            inSegment += cost;
            i += chars;
        }

        return new MessageSizing(encoding, segments, total, limits.Part, limits.Part - inSegment);
    }

    /// <summary>Units of the element starting at <paramref name="index"/>, and how many chars it spans.</summary>
    private static int ElementCost(ReadOnlySpan<char> text, int index, SmsEncoding encoding, out int chars)
    {
        var c = text[index];
        chars = 1;
        switch (encoding)
        {
            case SmsEncoding.Gsm7:
                var cost = GsmAlphabet.GetSeptetCost(c);
                return cost > 0 ? cost : throw GsmAlphabet.Unencodable(c, index, nameof(text));
            case SmsEncoding.Ucs2:
                if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
                {
                    chars = 2;
                    return 2;
                }

                return 1;
            default:
                return c <= 0xFF ? 1 : throw Latin1Text.Unencodable(c, index, nameof(text));
        }
    }
}
