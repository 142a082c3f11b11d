using System.Buffers;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData("Hello, world!", SmsEncoding.Gsm7)]
    [InlineData("Price: 5€ [promo] {x} ~^\\|", SmsEncoding.Gsm7)]
    [InlineData("", SmsEncoding.Gsm7)]
    [InlineData("Façade", SmsEncoding.Ucs2)]
    [InlineData("Привет", SmsEncoding.Ucs2)]
    [InlineData("Hi 😀", SmsEncoding.Ucs2)]
    public void Chooses_gsm_when_every_character_fits_else_ucs2(string text, SmsEncoding expected)
    {
        Assert.Equal(expected, SmsText.ChooseEncoding(text));
    }

    [Fact]
    public void Chooses_latin1_only_when_allowed()
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsText.ChooseEncoding("Façade"));
        Assert.Equal(SmsEncoding.Latin1, SmsText.ChooseEncoding("Façade", allowLatin1: true));
        Assert.Equal(SmsEncoding.Gsm7, SmsText.ChooseEncoding("Facade", allowLatin1: true));
        Assert.Equal(SmsEncoding.Ucs2, SmsText.ChooseEncoding("Façade €", allowLatin1: true));
    }

    [Fact]
    public void Ucs2_is_big_endian_code_units()
    {
        Assert.Equal(new byte[] { 0x04, 0x1F, 0x00, 0x41 }, SmsText.GetBytes("ПA", SmsEncoding.Ucs2));
    }

    [Fact]
    public void Ucs2_writes_an_astral_character_as_its_surrogate_pair()
    {
        // U+1F600 is D83D DE00 in UTF-16.
        Assert.Equal(new byte[] { 0xD8, 0x3D, 0xDE, 0x00 }, SmsText.GetBytes("😀", SmsEncoding.Ucs2));
        Assert.Equal("😀", SmsText.Decode(SmsEncoding.Ucs2, [0xD8, 0x3D, 0xDE, 0x00]));
    }

    [Fact]
    public void Ucs2_trailing_odd_octet_decodes_as_replacement_character()
    {
        Assert.Equal("A\uFFFD", SmsText.Decode(SmsEncoding.Ucs2, [0x00, 0x41, 0x42]));
    }

    [Fact]
    public void Latin1_is_one_octet_per_character()
    {
        Assert.Equal(new byte[] { 0x46, 0x61, 0xE7, 0xFF }, SmsText.GetBytes("Façÿ", SmsEncoding.Latin1));
        Assert.Equal("Façÿ", SmsText.Decode(new DataCoding(0x03), [0x46, 0x61, 0xE7, 0xFF]));
    }

    [Fact]
    public void Latin1_refuses_characters_above_u00ff()
    {
        Assert.False(SmsText.CanEncode("5€", SmsEncoding.Latin1));
        Assert.Throws<ArgumentException>(() => SmsText.GetBytes("5€", SmsEncoding.Latin1));
    }

    [Fact]
    public void Encoding_into_a_buffer_writer_advances_it_by_the_octets_written()
    {
        var output = new ArrayBufferWriter<byte>();

        var written = SmsText.Encode("a€", SmsEncoding.Gsm7, output);

        Assert.Equal(3, written);
        Assert.Equal(new byte[] { 0x61, 0x1B, 0x65 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Encoding_into_a_span_too_small_throws_before_writing()
    {
        var destination = new byte[2];

        Assert.Throws<ArgumentException>(() => SmsText.Encode("abc", SmsEncoding.Gsm7, destination));
        Assert.Equal(new byte[2], destination);
    }

    [Fact]
    public void Data_coding_zero_decodes_as_unpacked_gsm()
    {
        Assert.Equal("@_", SmsText.Decode(DataCoding.SmscDefault, [0x00, 0x11]));
    }
}
