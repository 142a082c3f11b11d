using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

public sealed class MessageSizingTests
{
    private static readonly string Emoji = char.ConvertFromUtf32(0x1F600);

    [Fact]
    public void Empty_text_is_one_empty_segment()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 1, 0, 160, 160), SmsText.Measure(""));
    }

    [Fact]
    public void Gsm_160_septets_fit_one_segment()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 1, 160, 160, 0), SmsText.Measure(new string('a', 160)));
    }

    [Fact]
    public void Gsm_161_septets_need_two_parts_of_153()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 2, 161, 153, 145), SmsText.Measure(new string('a', 161)));
    }

    [Fact]
    public void Gsm_two_full_parts_hold_306_septets()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 2, 306, 153, 0), SmsText.Measure(new string('a', 306)));
    }

    [Fact]
    public void Gsm_307_septets_need_a_third_part()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 3, 307, 153, 152), SmsText.Measure(new string('a', 307)));
    }

    [Fact]
    public void Extension_characters_count_two_septets()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 1, 160, 160, 0), SmsText.Measure(new string('€', 80)));
        Assert.Equal(2, SmsText.Measure(new string('a', 159) + "€").Segments);
    }

    [Fact]
    public void An_escape_pair_straddling_a_part_boundary_moves_whole_to_the_next_part()
    {
        // 152 + 2 + 152 = 306 septets, which would fill two parts exactly, but the euro cannot start at septet 153.
        var text = new string('a', 152) + "€" + new string('a', 152);

        Assert.Equal(new MessageSizing(SmsEncoding.Gsm7, 3, 306, 153, 152), SmsText.Measure(text));
    }

    [Fact]
    public void Ucs2_70_code_units_fit_one_segment_and_71_need_two()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Ucs2, 1, 70, 70, 0), SmsText.Measure(new string('П', 70)));
        Assert.Equal(new MessageSizing(SmsEncoding.Ucs2, 2, 71, 67, 63), SmsText.Measure(new string('П', 71)));
    }

    [Fact]
    public void Ucs2_two_full_parts_hold_134_code_units_and_135_need_three()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Ucs2, 2, 134, 67, 0), SmsText.Measure(new string('П', 134)));
        Assert.Equal(new MessageSizing(SmsEncoding.Ucs2, 3, 135, 67, 66), SmsText.Measure(new string('П', 135)));
    }

    [Fact]
    public void A_surrogate_pair_straddling_a_part_boundary_moves_whole_to_the_next_part()
    {
        // 66 + 2 + 66 = 134 code units, two parts' worth, but the emoji cannot start at code unit 67.
        var text = new string('П', 66) + Emoji + new string('П', 66);

        Assert.Equal(new MessageSizing(SmsEncoding.Ucs2, 3, 134, 67, 66), SmsText.Measure(text));
    }

    [Fact]
    public void Latin1_140_octets_fit_one_segment_and_parts_hold_134()
    {
        Assert.Equal(new MessageSizing(SmsEncoding.Latin1, 1, 140, 140, 0), SmsText.Measure(new string('ç', 140), allowLatin1: true));
        Assert.Equal(new MessageSizing(SmsEncoding.Latin1, 2, 141, 134, 127), SmsText.Measure(new string('ç', 141), allowLatin1: true));
        Assert.Equal(new MessageSizing(SmsEncoding.Latin1, 2, 268, 134, 0), SmsText.Measure(new string('ç', 268), allowLatin1: true));
        Assert.Equal(3, SmsText.Measure(new string('ç', 269), allowLatin1: true).Segments);
    }

    [Fact]
    public void Measuring_in_an_alphabet_that_cannot_hold_the_text_throws()
    {
        Assert.Throws<ArgumentException>(() => SmsText.Measure("Привет", SmsEncoding.Gsm7));
    }
}
