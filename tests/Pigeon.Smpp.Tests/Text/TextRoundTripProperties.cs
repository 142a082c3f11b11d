using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Text;

public sealed class TextRoundTripProperties
{
    [Property]
    public Property Gsm_unpacked_decode_of_encode_is_identity() =>
        Prop.ForAll(SmsGenerators.Gsm, s => SmsText.Decode(SmsEncoding.Gsm7, SmsText.GetBytes(s, SmsEncoding.Gsm7)) == s);

    [Property]
    public Property Gsm_packed_decode_of_encode_is_identity_by_septet_count() =>
        Prop.ForAll(SmsGenerators.Gsm, s =>
        {
            var septets = SmsText.GetBytes(s, SmsEncoding.Gsm7);
            var packed = new byte[Gsm7Packer.GetPackedLength(septets, 0)];
            Gsm7Packer.Pack(septets, 0, packed);
            var unpacked = new byte[septets.Length];
            Gsm7Packer.Unpack(packed, 0, septets.Length, unpacked);
            return SmsText.Decode(SmsEncoding.Gsm7, unpacked) == s;
        });

    [Property]
    public Property Gsm_packed_decode_of_encode_is_identity_by_octet_length_except_a_doubled_final_cr() =>
        Prop.ForAll(SmsGenerators.Gsm, s =>
        {
            var decoded = SmsText.Decode(SmsEncoding.Gsm7, SmsText.GetBytes(s, SmsEncoding.Gsm7, Gsm7Packing.Packed), Gsm7Packing.Packed);
            var septets = SmsText.GetByteCount(s, SmsEncoding.Gsm7);
            var doubled = s.EndsWith('\r') && septets * 7 % 8 == 0;
            return decoded == (doubled ? s + "\r" : s);
        });

    [Property]
    public Property Latin1_decode_of_encode_is_identity() =>
        Prop.ForAll(SmsGenerators.Latin1, s => SmsText.Decode(SmsEncoding.Latin1, SmsText.GetBytes(s, SmsEncoding.Latin1)) == s);

    [Property]
    public Property Ucs2_decode_of_encode_is_identity() =>
        Prop.ForAll(SmsGenerators.Unicode, s => SmsText.Decode(SmsEncoding.Ucs2, SmsText.GetBytes(s, SmsEncoding.Ucs2)) == s);

    [Property]
    public Property Automatic_choice_always_encodes_and_round_trips() =>
        Prop.ForAll(SmsGenerators.Unicode, s =>
        {
            var encoding = SmsText.ChooseEncoding(s);
            return SmsText.Decode(DataCoding.For(encoding), SmsText.GetBytes(s, encoding)) == s;
        });

    [Property]
    public Property Gsm_text_is_always_chosen_as_gsm() =>
        Prop.ForAll(SmsGenerators.Gsm, s => SmsText.ChooseEncoding(s) == SmsEncoding.Gsm7);

    [Property]
    public Property Measured_units_equal_encoded_length() =>
        Prop.ForAll(SmsGenerators.Gsm, s => SmsText.Measure(s).UnitsUsed == SmsText.GetByteCount(s, SmsEncoding.Gsm7));
}
