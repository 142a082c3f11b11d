using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

public sealed class GsmAlphabetTests
{
    [Fact]
    public void Unpacked_encoding_writes_one_septet_per_octet()
    {
        var bytes = SmsText.GetBytes("Hello @£$", SmsEncoding.Gsm7);

        Assert.Equal(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x00, 0x01, 0x02 }, bytes);
    }

    [Theory]
    [InlineData('\f', 0x0A)]
    [InlineData('^', 0x14)]
    [InlineData('{', 0x28)]
    [InlineData('}', 0x29)]
    [InlineData('\\', 0x2F)]
    [InlineData('[', 0x3C)]
    [InlineData('~', 0x3D)]
    [InlineData(']', 0x3E)]
    [InlineData('|', 0x40)]
    [InlineData('€', 0x65)]
    public void Extension_characters_encode_as_escape_and_code(char c, byte code)
    {
        var bytes = SmsText.GetBytes(c.ToString(), SmsEncoding.Gsm7);

        Assert.Equal(new byte[] { 0x1B, code }, bytes);
    }

    [Theory]
    [InlineData('\f', 0x0A)]
    [InlineData('€', 0x65)]
    [InlineData('|', 0x40)]
    public void Escape_and_code_decode_to_the_extension_character(char c, byte code)
    {
        Assert.Equal(c.ToString(), SmsText.Decode(SmsEncoding.Gsm7, [0x1B, code]));
    }

    [Theory]
    [InlineData("Δ", 0x10)]
    [InlineData("Ω", 0x15)]
    [InlineData("Ξ", 0x1A)]
    [InlineData("Æ", 0x1C)]
    [InlineData("É", 0x1F)]
    [InlineData("¤", 0x24)]
    [InlineData("¡", 0x40)]
    [InlineData("§", 0x5F)]
    [InlineData("¿", 0x60)]
    [InlineData("à", 0x7F)]
    [InlineData("Ç", 0x09)]
    public void Greek_and_national_characters_use_their_basic_table_codes(string text, byte septet)
    {
        Assert.Equal(new[] { septet }, SmsText.GetBytes(text, SmsEncoding.Gsm7));
        Assert.Equal(text, SmsText.Decode(SmsEncoding.Gsm7, [septet]));
    }

    [Fact]
    public void Escape_before_an_empty_extension_code_decodes_to_the_basic_character()
    {
        // Section 6.2.1.1: a receiver without an extension character for the code shows the basic one.
        Assert.Equal("A", SmsText.Decode(SmsEncoding.Gsm7, [0x1B, 0x41]));
    }

    [Fact]
    public void Escape_at_the_end_decodes_to_nothing()
    {
        Assert.Equal("ab", SmsText.Decode(SmsEncoding.Gsm7, [0x61, 0x62, 0x1B]));
    }

    [Fact]
    public void High_bit_of_unpacked_septets_is_ignored()
    {
        Assert.Equal("a", SmsText.Decode(SmsEncoding.Gsm7, [0xE1]));
    }

    [Theory]
    [InlineData("ç")]
    [InlineData("`")]
    [InlineData("\u001B")]
    [InlineData("Привет")]
    public void Characters_outside_both_tables_are_not_gsm(string text)
    {
        Assert.False(SmsText.CanEncode(text, SmsEncoding.Gsm7));
        Assert.Throws<ArgumentException>(() => SmsText.GetBytes(text, SmsEncoding.Gsm7));
    }
}
