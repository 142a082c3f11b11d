using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

public sealed class DataCodingTests
{
    [Theory]
    [InlineData(0x00, SmsEncoding.Gsm7)]
    [InlineData(0x01, SmsEncoding.Latin1)]
    [InlineData(0x02, SmsEncoding.Binary)]
    [InlineData(0x03, SmsEncoding.Latin1)]
    [InlineData(0x04, SmsEncoding.Binary)]
    [InlineData(0x08, SmsEncoding.Ucs2)]
    public void Smpp_table_values_map_to_their_alphabet(byte value, SmsEncoding expected)
    {
        Assert.Equal(expected, new DataCoding(value).Encoding);
    }

    [Theory]
    [InlineData(0x05)] // JIS
    [InlineData(0x06)] // Cyrillic
    [InlineData(0x07)] // Latin/Hebrew
    [InlineData(0x09)] // pictogram
    [InlineData(0x0E)] // KS C 5601
    [InlineData(0x80)] // reserved coding group
    public void Unsupported_and_reserved_values_are_binary(byte value)
    {
        Assert.Equal(SmsEncoding.Binary, new DataCoding(value).Encoding);
    }

    [Theory]
    [InlineData(0x10, SmsEncoding.Gsm7)] // general group, class 0, default alphabet
    [InlineData(0x11, SmsEncoding.Gsm7)]
    [InlineData(0x14, SmsEncoding.Binary)] // 8-bit
    [InlineData(0x18, SmsEncoding.Ucs2)] // UCS-2, class 0
    [InlineData(0x30, SmsEncoding.Binary)] // compressed
    [InlineData(0xC0, SmsEncoding.Gsm7)] // message waiting, discard
    [InlineData(0xD8, SmsEncoding.Gsm7)] // message waiting, store
    [InlineData(0xE0, SmsEncoding.Ucs2)] // message waiting, store, UCS-2
    [InlineData(0xF0, SmsEncoding.Gsm7)] // message class 0, default alphabet
    [InlineData(0xF5, SmsEncoding.Binary)] // message class 1, 8-bit
    public void Gsm_coding_groups_are_read_from_their_bits(byte value, SmsEncoding expected)
    {
        Assert.Equal(expected, new DataCoding(value).Encoding);
    }

    [Theory]
    [InlineData(SmsEncoding.Gsm7, 0x00)]
    [InlineData(SmsEncoding.Latin1, 0x03)]
    [InlineData(SmsEncoding.Ucs2, 0x08)]
    [InlineData(SmsEncoding.Binary, 0x04)]
    public void Each_alphabet_is_sent_with_its_smpp_value(SmsEncoding encoding, byte expected)
    {
        Assert.Equal(expected, DataCoding.For(encoding).Value);
    }

    [Fact]
    public void Unknown_data_coding_decodes_octet_for_octet_as_latin1()
    {
        Assert.Equal("A\u00FF\u0080", SmsText.Decode(new DataCoding(0x06), [0x41, 0xFF, 0x80]));
    }
}
