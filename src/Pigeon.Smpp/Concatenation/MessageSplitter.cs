using System.Buffers;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// Cuts a message into the parts one <see cref="ConcatenationMode"/> sends. A message that fits one SMS (160
/// septets, 70 UCS-2 code units, 140 octets) is one plain part in every mode. Otherwise parts hold at most
/// <c>153/67/134</c> units (8-bit reference header and SAR) or <c>152/66/133</c> (16-bit reference header), or the
/// whole message goes in message_payload. Parts never split an escape pair or a surrogate pair. All parts share one
/// buffer, so a split costs a handful of allocations whatever the part count.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Most parts a concatenated message can have: the total travels in one octet.</summary>
    public const int MaxParts = 255;

    /// <summary>Largest message_payload value: its TLV length field is two octets.</summary>
    public const int MaxPayloadOctets = ushort.MaxValue;

    /// <summary>
    /// Encodes <paramref name="text"/> in <paramref name="encoding"/> (or the cheapest alphabet, see
    /// <see cref="SmsText.ChooseEncoding"/>) and splits it.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <param name="mode">How parts are tied together.</param>
    /// <param name="reference">The concatenation reference, chosen by the caller; at most 255 for <see cref="ConcatenationMode.UdhReference8"/>.</param>
    /// <param name="encoding">The alphabet, or null to choose GSM 7-bit or UCS-2 automatically.</param>
    /// <param name="packing">Whether GSM 7-bit parts are packed in short_message.</param>
    /// <exception cref="ArgumentException">A character cannot be written in the alphabet, or the message needs more than 255 parts.</exception>
    public static SplitMessage Split(ReadOnlySpan<char> text, ConcatenationMode mode, ushort reference, SmsEncoding? encoding = null, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        var chosen = encoding ?? SmsText.ChooseEncoding(text);
        var length = SmsText.GetByteCount(text, chosen);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var content = rented.AsSpan(0, SmsText.Encode(text, chosen, rented));
            return Split(content, DataCoding.For(chosen), mode, reference, packing);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Splits content already encoded for <paramref name="dataCoding"/>: septets one per octet for GSM 7-bit, UTF-16
    /// big-endian for UCS-2, octets otherwise. <paramref name="packing"/> packs GSM 7-bit parts on the way out.
    /// </summary>
    /// <exception cref="ArgumentException">The message needs more than 255 parts or more than 65,535 payload octets.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An 8-bit reference above 255.</exception>
    public static SplitMessage Split(ReadOnlySpan<byte> content, DataCoding dataCoding, ConcatenationMode mode, ushort reference, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        if (mode == ConcatenationMode.UdhReference8 && reference > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "An 8-bit concatenation reference is at most 255.");
        }

        var encoding = dataCoding.Encoding;
        var pack = encoding == SmsEncoding.Gsm7 && packing == Gsm7Packing.Packed;
        var limits = SegmentLimits.For(encoding, HeaderOctets(mode));
        var fitsOne = pack
            ? Gsm7Packer.GetPackedLength(content, 0) <= SegmentLimits.UserDataOctets
            : content.Length <= limits.Single * limits.OctetsPerUnit;
        if (fitsOne)
        {
            return Whole(content, dataCoding, mode, reference, pack, inPayload: false);
        }

        if (mode == ConcatenationMode.MessagePayload)
        {
            var whole = Whole(content, dataCoding, mode, reference, pack, inPayload: true);
            return whole.Parts[0].Length <= MaxPayloadOctets
                ? whole
                : throw new ArgumentException($"The message needs {whole.Parts[0].Length} octets; message_payload holds {MaxPayloadOctets}.", nameof(content));
        }

        var header = mode == ConcatenationMode.Sar ? 0 : HeaderOctets(mode);
        var fill = pack && header > 0 ? Gsm7Packer.FillBitsAfterHeader(header) : 0;
        var ranges = ContentSegmenter.Split(content, encoding, limits.Part * limits.OctetsPerUnit, pack ? fill : -1);
        if (ranges.Count > MaxParts)
        {
            throw new ArgumentException($"The message needs {ranges.Count} parts; at most {MaxParts} can be concatenated.", nameof(content));
        }

        var size = 0;
        foreach (var range in ranges)
        {
            var body = content[range];
            size += header + (pack ? Gsm7Packer.GetPackedLength(body, fill) : body.Length);
        }

        var buffer = new byte[size];
        var parts = new ReadOnlyMemory<byte>[ranges.Count];
        var offset = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var start = offset;
            if (header > 0)
            {
                offset += UserDataHeader.WriteConcatenation(buffer.AsSpan(offset), mode, reference, (byte)ranges.Count, (byte)(i + 1));
            }

            var body = content[ranges[i]];
            offset += pack ? Gsm7Packer.Pack(body, fill, buffer.AsSpan(offset)) : Copy(body, buffer.AsSpan(offset));
            parts[i] = buffer.AsMemory(start, offset - start);
        }

        return new SplitMessage(mode, dataCoding, reference, parts, isConcatenated: true, usesMessagePayload: false);
    }

    /// <summary>
    /// Sizes <paramref name="text"/> as <paramref name="mode"/> would split it. For message_payload the count is
    /// the segments the SMSC will likely send, as for an 8-bit reference header.
    /// </summary>
    /// <exception cref="ArgumentException">A character cannot be written in the alphabet.</exception>
    public static MessageSizing Measure(ReadOnlySpan<char> text, ConcatenationMode mode, SmsEncoding? encoding = null)
    {
        var chosen = encoding ?? SmsText.ChooseEncoding(text);
        return TextSegmenter.Measure(text, chosen, SegmentLimits.For(chosen, HeaderOctets(mode)));
    }

    private static int HeaderOctets(ConcatenationMode mode) =>
        mode == ConcatenationMode.UdhReference16 ? SegmentLimits.Reference16HeaderOctets : SegmentLimits.Reference8HeaderOctets;

    private static SplitMessage Whole(ReadOnlySpan<byte> content, DataCoding dataCoding, ConcatenationMode mode, ushort reference, bool pack, bool inPayload)
    {
        var bytes = new byte[pack ? Gsm7Packer.GetPackedLength(content, 0) : content.Length];
        if (pack)
        {
            Gsm7Packer.Pack(content, 0, bytes);
        }
        else
        {
            content.CopyTo(bytes);
        }

        return new SplitMessage(mode, dataCoding, reference, [bytes], isConcatenated: false, usesMessagePayload: inPayload);
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
