using System.Buffers;

namespace Pigeon.Smpp.Text;

/// <summary>
/// Text to short_message octets and back: GSM 03.38 (unpacked or packed), Latin-1 and UCS-2, the choice of the
/// cheapest alphabet, and segment counting. Encoding writes into a caller's span or <see cref="IBufferWriter{T}"/>
/// and allocates nothing; a character the chosen alphabet cannot hold raises <see cref="ArgumentException"/>
/// rather than being replaced silently.
/// </summary>
public static class SmsText
{
    /// <summary>
    /// The cheapest alphabet that holds <paramref name="text"/>: GSM 7-bit when every character is in the default
    /// alphabet or its extension table, else Latin-1 if <paramref name="allowLatin1"/> and every character is
    /// below U+0100, else UCS-2. Latin-1 is opt-in because handsets render data_coding 3 poorly.
    /// </summary>
    public static SmsEncoding ChooseEncoding(ReadOnlySpan<char> text, bool allowLatin1 = false) =>
        GsmAlphabet.CanEncode(text) ? SmsEncoding.Gsm7
        : allowLatin1 && Latin1Text.CanEncode(text) ? SmsEncoding.Latin1
        : SmsEncoding.Ucs2;

    /// <summary>True if every character of <paramref name="text"/> can be written in <paramref name="encoding"/>.</summary>
    public static bool CanEncode(ReadOnlySpan<char> text, SmsEncoding encoding) => encoding switch
    {
        SmsEncoding.Gsm7 => GsmAlphabet.CanEncode(text),
        SmsEncoding.Ucs2 => true,
        _ => Latin1Text.CanEncode(text),
    };

    /// <summary>Octets <see cref="Encode(ReadOnlySpan{char}, SmsEncoding, Span{byte}, Gsm7Packing)"/> writes.</summary>
    /// <exception cref="ArgumentException">A character cannot be written in <paramref name="encoding"/>.</exception>
    public static int GetByteCount(ReadOnlySpan<char> text, SmsEncoding encoding, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        switch (encoding)
        {
            case SmsEncoding.Gsm7:
                var septets = GsmAlphabet.GetSeptetCount(text);
                if (septets < 0)
                {
                    var bad = GsmAlphabet.IndexOfUnencodable(text);
                    throw GsmAlphabet.Unencodable(text[bad], bad, nameof(text));
                }

                return packing == Gsm7Packing.Packed
                    ? Gsm7Packer.GetPackedLength(septets, text.Length > 0 && text[^1] == '\r', 0)
                    : septets;
            case SmsEncoding.Ucs2:
                return text.Length * 2;
            default:
                var index = text.IndexOfAnyExceptInRange('\0', '\u00FF');
                return index < 0 ? text.Length : throw Latin1Text.Unencodable(text[index], index, nameof(text));
        }
    }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/>; returns the octets written.</summary>
    /// <exception cref="ArgumentException">A character cannot be written in <paramref name="encoding"/>, or the destination is too small.</exception>
    public static int Encode(ReadOnlySpan<char> text, SmsEncoding encoding, Span<byte> destination, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        var length = GetByteCount(text, encoding, packing);
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} octets; the text needs {length}.", nameof(destination));
        }

        switch (encoding)
        {
            case SmsEncoding.Gsm7 when packing == Gsm7Packing.Packed:
                return EncodePacked(text, destination);
            case SmsEncoding.Gsm7:
                return GsmAlphabet.Encode(text, destination);
            case SmsEncoding.Ucs2:
                return Ucs2Text.Encode(text, destination);
            default:
                return Latin1Text.Encode(text, destination);
        }
    }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="output"/>; returns the octets written.</summary>
    /// <exception cref="ArgumentException">A character cannot be written in <paramref name="encoding"/>.</exception>
    public static int Encode(ReadOnlySpan<char> text, SmsEncoding encoding, IBufferWriter<byte> output, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        ArgumentNullException.ThrowIfNull(output);
        var length = GetByteCount(text, encoding, packing);
        var written = Encode(text, encoding, output.GetSpan(length), packing);
        output.Advance(written);
        return written;
    }

    /// <summary>Encodes into a new array; for convenience off the hot path.</summary>
    /// <exception cref="ArgumentException">A character cannot be written in <paramref name="encoding"/>.</exception>
    public static byte[] GetBytes(string text, SmsEncoding encoding, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[GetByteCount(text, encoding, packing)];
        Encode(text, encoding, bytes, packing);
        return bytes;
    }

    /// <summary>
    /// Decodes octets written in <paramref name="encoding"/>. Decoding never fails: GSM octets have their high bit
    /// ignored, binary octets map one to one onto U+0000..U+00FF, and a trailing odd UCS-2 octet becomes U+FFFD.
    /// </summary>
    public static string Decode(SmsEncoding encoding, ReadOnlySpan<byte> bytes, Gsm7Packing packing = Gsm7Packing.Unpacked) => encoding switch
    {
        SmsEncoding.Gsm7 when packing == Gsm7Packing.Packed => DecodePacked(bytes),
        SmsEncoding.Gsm7 => GsmAlphabet.Decode(bytes),
        SmsEncoding.Ucs2 => Ucs2Text.Decode(bytes),
        _ => Latin1Text.Decode(bytes),
    };

    /// <summary>Decodes octets by the alphabet their data_coding implies; unknown values decode as Latin-1.</summary>
    public static string Decode(DataCoding dataCoding, ReadOnlySpan<byte> bytes, Gsm7Packing packing = Gsm7Packing.Unpacked) =>
        Decode(dataCoding.Encoding, bytes, packing);

    /// <summary>
    /// Sizes <paramref name="text"/> in the alphabet <see cref="ChooseEncoding"/> picks, with the usual
    /// concatenation limits (160/153 septets, 70/67 code units, 140/134 octets).
    /// </summary>
    public static MessageSizing Measure(ReadOnlySpan<char> text, bool allowLatin1 = false) =>
        Measure(text, ChooseEncoding(text, allowLatin1));

    /// <summary>Sizes <paramref name="text"/> in <paramref name="encoding"/> with the usual concatenation limits.</summary>
    /// <exception cref="ArgumentException">A character cannot be written in <paramref name="encoding"/>.</exception>
    public static MessageSizing Measure(ReadOnlySpan<char> text, SmsEncoding encoding) =>
        TextSegmenter.Measure(text, encoding, SegmentLimits.For(encoding, SegmentLimits.Reference8HeaderOctets));

    private static int EncodePacked(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var count = GsmAlphabet.GetSeptetCount(text);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var septets = rented.AsSpan(0, GsmAlphabet.Encode(text, rented));
            return Gsm7Packer.Pack(septets, 0, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string DecodePacked(ReadOnlySpan<byte> packed)
    {
        var count = Gsm7Packer.GetSeptetCount(packed, 0);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var septets = rented.AsSpan(0, count);
            Gsm7Packer.Unpack(packed, 0, count, septets);
            return GsmAlphabet.Decode(septets);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
