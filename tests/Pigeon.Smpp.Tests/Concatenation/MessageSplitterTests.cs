using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Tests.Concatenation;

public sealed class MessageSplitterTests
{
    private static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Theory]
    [InlineData(ConcatenationMode.UdhReference8)]
    [InlineData(ConcatenationMode.UdhReference16)]
    [InlineData(ConcatenationMode.Sar)]
    [InlineData(ConcatenationMode.MessagePayload)]
    public void A_message_that_fits_one_sms_is_one_plain_part_in_every_mode(ConcatenationMode mode)
    {
        var split = MessageSplitter.Split("Hello", mode, 42);
        var pdu = Assert.Single(split.ToSubmitSm());

        Assert.False(split.IsConcatenated);
        Assert.Equal(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F }, pdu.ShortMessage.ToArray());
        Assert.Equal(EsmClass.Default, pdu.EsmClass);
        Assert.False(pdu.HasTlvs);
    }

    [Fact]
    public void Udh_with_8_bit_reference_prefixes_each_part_with_00_03_ref_total_seq()
    {
        var split = MessageSplitter.Split(new string('a', 200), ConcatenationMode.UdhReference8, 0x2A);

        Assert.Equal(2, split.Parts.Count);
        Assert.Equal(Concat([0x05, 0x00, 0x03, 0x2A, 0x02, 0x01], Repeat(0x61, 153)), split.Parts[0].ToArray());
        Assert.Equal(Concat([0x05, 0x00, 0x03, 0x2A, 0x02, 0x02], Repeat(0x61, 47)), split.Parts[1].ToArray());
    }

    [Fact]
    public void Udh_with_16_bit_reference_prefixes_each_part_with_08_04_ref_hi_ref_lo_total_seq()
    {
        var split = MessageSplitter.Split(new string('a', 200), ConcatenationMode.UdhReference16, 0x1234);

        Assert.Equal(2, split.Parts.Count);
        Assert.Equal(Concat([0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01], Repeat(0x61, 152)), split.Parts[0].ToArray());
        Assert.Equal(Concat([0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x02], Repeat(0x61, 48)), split.Parts[1].ToArray());
    }

    [Fact]
    public void Udh_parts_set_the_udhi_flag_and_keep_other_esm_class_bits()
    {
        var pdus = MessageSplitter.Split(new string('a', 200), ConcatenationMode.UdhReference8, 1)
            .ToSubmitSm(p => p.EsmClass = EsmClass.StoreAndForwardMode);

        Assert.All(pdus, p => Assert.Equal(EsmClass.StoreAndForwardMode | EsmClass.UdhIndicator, p.EsmClass));
    }

    [Fact]
    public void Sar_parts_carry_reference_total_and_sequence_tlvs()
    {
        var pdus = MessageSplitter.Split(new string('a', 200), ConcatenationMode.Sar, 0x1234).ToSubmitSm();

        Assert.Equal(2, pdus.Count);
        Assert.Equal(Repeat(0x61, 153), pdus[0].ShortMessage.ToArray());
        Assert.Equal(EsmClass.Default, pdus[0].EsmClass);
        var encoded = PduEncoder.ToArray(pdus[1]);
        byte[] tlvs =
        [
            0x02, 0x0C, 0x00, 0x02, 0x12, 0x34, // sar_msg_ref_num 0x1234
            0x02, 0x0E, 0x00, 0x01, 0x02,       // sar_total_segments 2
            0x02, 0x0F, 0x00, 0x01, 0x02,       // sar_segment_seqnum 2
        ];
        Assert.Equal(tlvs, encoded[^tlvs.Length..]);
    }

    [Fact]
    public void Message_payload_mode_sends_one_pdu_with_empty_short_message()
    {
        var pdu = Assert.Single(MessageSplitter.Split(new string('a', 200), ConcatenationMode.MessagePayload, 0).ToSubmitSm());

        Assert.True(pdu.ShortMessage.IsEmpty);
        Assert.Equal(Repeat(0x61, 200), pdu.MessagePayload!.Value.ToArray());
        var encoded = PduEncoder.ToArray(pdu);
        Assert.Equal(new byte[] { 0x04, 0x24, 0x00, 0xC8 }, encoded[^204..^200]); // message_payload, length 200
    }

    [Fact]
    public void Ucs2_parts_hold_67_code_units()
    {
        var split = MessageSplitter.Split(new string('П', 100), ConcatenationMode.UdhReference8, 1);

        Assert.Equal(DataCoding.Ucs2, split.DataCoding);
        Assert.Equal(6 + 134, split.Parts[0].Length);
        Assert.Equal(6 + 66, split.Parts[1].Length);
    }

    [Fact]
    public void An_escape_pair_is_never_split_between_parts()
    {
        var split = MessageSplitter.Split(new string('a', 152) + "€" + new string('a', 10), ConcatenationMode.UdhReference8, 1);

        Assert.Equal(6 + 152, split.Parts[0].Length);
        Assert.Equal(new byte[] { 0x1B, 0x65 }, split.Parts[1].Span.Slice(6, 2).ToArray());
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_between_parts()
    {
        var split = MessageSplitter.Split(new string('П', 66) + "😀" + new string('П', 10), ConcatenationMode.UdhReference8, 1);

        Assert.Equal(6 + 132, split.Parts[0].Length);
        Assert.Equal(new byte[] { 0xD8, 0x3D, 0xDE, 0x00 }, split.Parts[1].Span.Slice(6, 4).ToArray());
    }

    [Fact]
    public void Packed_gsm_parts_start_after_one_fill_bit_behind_the_8_bit_reference_header()
    {
        var split = MessageSplitter.Split(new string('a', 153) + "hellohello", ConcatenationMode.UdhReference8, 7, packing: Gsm7Packing.Packed);

        Assert.Equal(140, split.Parts[0].Length); // 6 header octets, 1 fill bit and 153 septets: exactly 140
        byte[] header = [0x05, 0x00, 0x03, 0x07, 0x02, 0x02];
        byte[] packed = [0xD0, 0x65, 0x36, 0xFB, 0x8D, 0x2E, 0xB3, 0xD9, 0x6F]; // "hellohello" after one fill bit
        Assert.Equal(Concat(header, packed), split.Parts[1].ToArray());
    }

    [Fact]
    public void A_packed_part_does_not_end_with_a_carriage_return_the_packer_would_double()
    {
        // 153 septets after one fill bit end on an octet boundary; a CR there would have to be sent twice.
        var split = MessageSplitter.Split(new string('a', 152) + "\r" + new string('a', 10), ConcatenationMode.UdhReference8, 1, packing: Gsm7Packing.Packed);

        Assert.Equal([new string('a', 152), "\r" + new string('a', 10)], SplitText.DecodeParts(split, Gsm7Packing.Packed));
    }

    [Fact]
    public void Binary_content_splits_into_134_octet_parts()
    {
        var split = MessageSplitter.Split(Repeat(0xFF, 300), DataCoding.Octets, ConcatenationMode.UdhReference8, 9);

        Assert.Equal([6 + 134, 6 + 134, 6 + 32], split.Parts.Select(p => p.Length));
        Assert.Equal(DataCoding.Octets, split.DataCoding);
    }

    [Fact]
    public void An_8_bit_reference_above_255_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split(new string('a', 200), ConcatenationMode.UdhReference8, 256));
    }

    [Fact]
    public void More_than_255_parts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MessageSplitter.Split(new string('a', 153 * 255 + 1), ConcatenationMode.UdhReference8, 1));
    }

    [Fact]
    public void Applying_a_single_part_clears_udhi_and_sar_tlvs_left_on_a_reused_pdu()
    {
        var pdu = new SubmitSm { EsmClass = EsmClass.UdhIndicator, SarMessageReference = 5, SarTotalSegments = 2, SarSegmentSequenceNumber = 1 };

        MessageSplitter.Split("Hi", ConcatenationMode.Sar, 1).ApplyTo(pdu, 0);

        Assert.Equal(EsmClass.Default, pdu.EsmClass);
        Assert.Null(pdu.SarMessageReference);
        Assert.Null(pdu.SarTotalSegments);
        Assert.Null(pdu.SarSegmentSequenceNumber);
    }

    [Fact]
    public void Applying_to_a_deliver_sm_works_as_for_submit_sm()
    {
        var pdu = new DeliverSm();

        MessageSplitter.Split(new string('П', 100), ConcatenationMode.Sar, 3).ApplyTo(pdu, 1);

        Assert.Equal(0x08, pdu.DataCoding);
        Assert.Equal((byte)2, pdu.SarSegmentSequenceNumber);
        Assert.Equal(66, pdu.ShortMessage.Length);
    }

    [Fact]
    public void Configure_runs_before_the_part_is_applied()
    {
        var pdus = MessageSplitter.Split(new string('a', 200), ConcatenationMode.UdhReference8, 1).ToSubmitSm(p =>
        {
            p.Destination = SmppAddress.International("447700900123");
            p.DataCoding = 0x08;
        });

        Assert.All(pdus, p => Assert.Equal("447700900123", p.Destination.Value));
        Assert.All(pdus, p => Assert.Equal(0x00, p.DataCoding));
    }

    [Fact]
    public void Measure_by_mode_uses_that_mode_part_size()
    {
        Assert.Equal(152, MessageSplitter.Measure(new string('a', 200), ConcatenationMode.UdhReference16).UnitsPerSegment);
        Assert.Equal(153, MessageSplitter.Measure(new string('a', 200), ConcatenationMode.Sar).UnitsPerSegment);
        Assert.Equal(66, MessageSplitter.Measure(new string('П', 100), ConcatenationMode.UdhReference16).UnitsPerSegment);
    }
}
