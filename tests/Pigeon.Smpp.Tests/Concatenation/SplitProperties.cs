using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Tests.Text;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Concatenation;

public sealed class SplitProperties
{
    private static readonly ConcatenationMode[] SegmentingModes =
        [ConcatenationMode.UdhReference8, ConcatenationMode.UdhReference16, ConcatenationMode.Sar];

    private static bool SplitsCleanly(string text, SmsEncoding encoding, ConcatenationMode mode, Gsm7Packing packing = Gsm7Packing.Unpacked)
    {
        var split = MessageSplitter.Split(text, mode, 200, encoding, packing);
        var texts = SplitText.DecodeParts(split, packing);
        var sizing = MessageSplitter.Measure(text, mode, encoding);
        var header = split.IsConcatenated && mode != ConcatenationMode.Sar ? split.Parts[0].Length - SplitText.Body(split, 0).Length : 0;
        for (var i = 0; i < split.Parts.Count; i++)
        {
            var body = SplitText.Body(split, i);
            var units = encoding == SmsEncoding.Ucs2 ? body.Length / 2 : body.Length;
            var withinLimit = packing == Gsm7Packing.Packed
                ? header + body.Length <= 140
                : units <= sizing.UnitsPerSegment;
            var piece = texts[i];
            var brokenSurrogate = piece.Length > 0 && (char.IsHighSurrogate(piece[^1]) || char.IsLowSurrogate(piece[0]));
            var brokenEscape = encoding == SmsEncoding.Gsm7 && packing == Gsm7Packing.Unpacked && body.Length > 0 && body[^1] == 0x1B;
            if (!withinLimit || brokenSurrogate || brokenEscape)
            {
                return false;
            }
        }

        // Measure counts as the SMSC sends (unpacked); packing may move a CR that would be doubled into the next part.
        return string.Concat(texts) == text && (packing == Gsm7Packing.Packed || split.Parts.Count == sizing.Segments);
    }

    [Property]
    public Property Gsm_join_of_split_is_identity_in_every_mode() =>
        Prop.ForAll(SmsGenerators.Gsm, s => SegmentingModes.All(m => SplitsCleanly(s, SmsEncoding.Gsm7, m)));

    [Property]
    public Property Packed_gsm_join_of_split_is_identity_and_parts_fit_140_octets() =>
        Prop.ForAll(SmsGenerators.Gsm, s => SegmentingModes.All(m => SplitsCleanly(s.TrimEnd('\r'), SmsEncoding.Gsm7, m, Gsm7Packing.Packed)));

    [Property]
    public Property Latin1_join_of_split_is_identity_in_every_mode() =>
        Prop.ForAll(SmsGenerators.Latin1, s => SegmentingModes.All(m => SplitsCleanly(s, SmsEncoding.Latin1, m)));

    [Property]
    public Property Ucs2_join_of_split_is_identity_and_keeps_surrogate_pairs_whole() =>
        Prop.ForAll(SmsGenerators.Unicode, s => SegmentingModes.All(m => SplitsCleanly(s, SmsEncoding.Ucs2, m)));

    [Property]
    public Property Message_payload_carries_the_whole_text_in_one_part() =>
        Prop.ForAll(SmsGenerators.Unicode, s =>
        {
            var split = MessageSplitter.Split(s, ConcatenationMode.MessagePayload, 0);
            return split.Parts.Count == 1 && SmsText.Decode(split.DataCoding, split.Parts[0].Span) == s;
        });
}
