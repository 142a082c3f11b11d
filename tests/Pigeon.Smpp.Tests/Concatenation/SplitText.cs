using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Concatenation;

/// <summary>Reads split parts back, independently of the reassembler, for property checks.</summary>
internal static class SplitText
{
    /// <summary>The user data of part <paramref name="index"/>, with any concatenation header removed.</summary>
    public static ReadOnlySpan<byte> Body(SplitMessage split, int index)
    {
        var part = split.Parts[index].Span;
        var udh = split.IsConcatenated && split.Mode is ConcatenationMode.UdhReference8 or ConcatenationMode.UdhReference16;
        return udh ? part[(part[0] + 1)..] : part;
    }

    /// <summary>Each part decoded alone (packed parts unpacked after their fill bits).</summary>
    public static IReadOnlyList<string> DecodeParts(SplitMessage split, Gsm7Packing packing)
    {
        var texts = new List<string>();
        for (var i = 0; i < split.Parts.Count; i++)
        {
            var body = Body(split, i);
            if (packing == Gsm7Packing.Packed && split.DataCoding.Encoding == SmsEncoding.Gsm7)
            {
                var header = split.Parts[i].Length - body.Length;
                var fill = header > 0 ? Gsm7Packer.FillBitsAfterHeader(header) : 0;
                var septets = new byte[Gsm7Packer.GetSeptetCount(body, fill)];
                Gsm7Packer.Unpack(body, fill, septets.Length, septets);
                texts.Add(SmsText.Decode(SmsEncoding.Gsm7, septets));
            }
            else
            {
                texts.Add(SmsText.Decode(split.DataCoding, body));
            }
        }

        return texts;
    }
}
