using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

/// <summary>3GPP TS 23.038 section 6.1.2.1.1: eight septets in seven octets, least significant bit first.</summary>
public sealed class Gsm7PackingTests
{
    [Fact]
    public void Packs_hellohello_to_nine_octets()
    {
        var bytes = SmsText.GetBytes("hellohello", SmsEncoding.Gsm7, Gsm7Packing.Packed);

        Assert.Equal(new byte[] { 0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37 }, bytes);
    }

    [Fact]
    public void Packs_eight_septets_into_seven_octets()
    {
        var bytes = SmsText.GetBytes("12345678", SmsEncoding.Gsm7, Gsm7Packing.Packed);

        Assert.Equal(new byte[] { 0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x70 }, bytes);
    }

    [Fact]
    public void Seven_spare_bits_are_filled_with_carriage_return_not_zeros()
    {
        // Seven septets leave seven spare bits; zeros there would read back as a trailing '@'.
        var bytes = SmsText.GetBytes("1234567", SmsEncoding.Gsm7, Gsm7Packing.Packed);

        Assert.Equal(new byte[] { 0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x1A }, bytes);
        Assert.Equal("1234567", SmsText.Decode(SmsEncoding.Gsm7, bytes, Gsm7Packing.Packed));
    }

    [Fact]
    public void A_final_carriage_return_on_an_octet_boundary_is_doubled()
    {
        var bytes = SmsText.GetBytes("1234567\r", SmsEncoding.Gsm7, Gsm7Packing.Packed);

        Assert.Equal(new byte[] { 0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x1A, 0x0D }, bytes);
    }

    [Fact]
    public void A_doubled_final_carriage_return_decodes_as_two_as_the_specification_says()
    {
        // The receiver "will perform the carriage return function twice": CR CR means the same as CR.
        Assert.Equal("1234567\r\r", SmsText.Decode(SmsEncoding.Gsm7, [0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x1A, 0x0D], Gsm7Packing.Packed));
    }

    [Fact]
    public void A_final_carriage_return_off_the_boundary_survives()
    {
        var bytes = SmsText.GetBytes("123456\r", SmsEncoding.Gsm7, Gsm7Packing.Packed);

        Assert.Equal(new byte[] { 0x31, 0xD9, 0x8C, 0x56, 0xB3, 0x35, 0x1A }, bytes);
        Assert.Equal("123456\r", SmsText.Decode(SmsEncoding.Gsm7, bytes, Gsm7Packing.Packed));
    }

    [Fact]
    public void Extension_character_packs_escape_and_code()
    {
        Assert.Equal(new byte[] { 0x9B, 0x32 }, SmsText.GetBytes("€", SmsEncoding.Gsm7, Gsm7Packing.Packed));
    }

    [Fact]
    public void One_fill_bit_follows_an_eight_bit_reference_header()
    {
        // A 6-octet header is 48 bits; one fill bit brings the first septet to bit 49, a septet boundary.
        Assert.Equal(1, Gsm7Packer.FillBitsAfterHeader(6));
        Assert.Equal(0, Gsm7Packer.FillBitsAfterHeader(7));
    }

    [Fact]
    public void Packing_after_one_fill_bit_shifts_every_septet()
    {
        var septets = SmsText.GetBytes("Hello", SmsEncoding.Gsm7);
        var packed = new byte[Gsm7Packer.GetPackedLength(septets, 1)];

        Gsm7Packer.Pack(septets, 1, packed);

        Assert.Equal(new byte[] { 0x90, 0x65, 0x36, 0xFB, 0x0D }, packed);
    }

    [Fact]
    public void Unpacking_after_one_fill_bit_recovers_the_septets()
    {
        byte[] packed = [0x90, 0x65, 0x36, 0xFB, 0x0D];
        var count = Gsm7Packer.GetSeptetCount(packed, 1);
        var septets = new byte[count];

        Gsm7Packer.Unpack(packed, 1, count, septets);

        Assert.Equal("Hello", SmsText.Decode(SmsEncoding.Gsm7, septets));
    }

    [Fact]
    public void Packed_byte_count_matches_what_encoding_writes()
    {
        Assert.Equal(9, SmsText.GetByteCount("hellohello", SmsEncoding.Gsm7, Gsm7Packing.Packed));
        Assert.Equal(8, SmsText.GetByteCount("1234567\r", SmsEncoding.Gsm7, Gsm7Packing.Packed));
        Assert.Equal(140, SmsText.GetByteCount(new string('a', 160), SmsEncoding.Gsm7, Gsm7Packing.Packed));
    }
}
