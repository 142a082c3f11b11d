using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Tlvs;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// Optional parameters the library does not know are carried, not dropped (section 3.2.4: a receiver ignores
/// TLVs it does not support), and known and unknown TLVs keep their wire order through decode and encode.
/// </summary>
public sealed class TlvRoundTripTests
{
    private const TlvTag VendorTag = (TlvTag)0x1401;
    private const TlvTag OtherVendorTag = (TlvTag)0x1500;

    // A minimal submit_sm (section 4.4.1) followed by a vendor TLV, a known TLV and another vendor TLV.
    private static readonly byte[] SubmitSmWithVendorTlvs =
    [
        0x00, 0x00, 0x00, 0x36,                         // command_length 54
        0x00, 0x00, 0x00, 0x04,                         // command_id submit_sm
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x1F,                         // sequence_number 31
        0x00,                                           // service_type ""
        0x00, 0x00, 0x00,                               // source_addr_ton, source_addr_npi, source_addr ""
        0x01, 0x01, 0x31, 0x32, 0x33, 0x34, 0x00,       // dest_addr_ton, dest_addr_npi, destination_addr "1234"
        0x00, 0x00, 0x00,                               // esm_class, protocol_id, priority_flag
        0x00, 0x00,                                     // schedule_delivery_time "", validity_period ""
        0x00, 0x00, 0x00, 0x00,                         // registered_delivery, replace_if_present, data_coding, sm_default_msg_id
        0x00,                                           // sm_length 0
        0x14, 0x01, 0x00, 0x02, 0xAB, 0xCD,             // vendor TLV: tag 0x1401, length 2
        0x02, 0x0C, 0x00, 0x02, 0x00, 0x2A,             // sar_msg_ref_num: tag 0x020C, length 2, 42 (low octet at 48)
        0x15, 0x00, 0x00, 0x01, 0xFF,                   // vendor TLV: tag 0x1500, length 1
    ];

    [Fact]
    public void Decode_keeps_unknown_and_known_tlvs_in_wire_order()
    {
        var pdu = PduAssert.Decodes<SubmitSm>(SubmitSmWithVendorTlvs);

        Assert.Equal([VendorTag, TlvTag.SarMsgRefNum, OtherVendorTag], pdu.Tlvs.Items.Select(t => t.Tag));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, pdu.Tlvs.Items[0].Value.ToArray());
        Assert.Equal((ushort)42, pdu.SarMessageReference);
        Assert.Equal(new byte[] { 0xFF }, pdu.Tlvs.Items[2].Value.ToArray());
    }

    [Fact]
    public void Re_encoding_a_pdu_with_unknown_tlvs_gives_the_same_bytes()
    {
        var pdu = PduAssert.Decodes<SubmitSm>(SubmitSmWithVendorTlvs);

        Assert.Equal(SubmitSmWithVendorTlvs, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Setting_a_known_tlv_replaces_it_where_it_stood()
    {
        var pdu = PduAssert.Decodes<SubmitSm>(SubmitSmWithVendorTlvs);

        pdu.SarMessageReference = 43;

        var expected = (byte[])SubmitSmWithVendorTlvs.Clone();
        expected[48] = 0x2B;
        Assert.Equal(expected, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Clearing_a_known_tlv_keeps_the_unknown_ones_in_order()
    {
        var pdu = PduAssert.Decodes<SubmitSm>(SubmitSmWithVendorTlvs);

        pdu.SarMessageReference = null;

        var decoded = PduAssert.Decodes<SubmitSm>(PduEncoder.ToArray(pdu));
        Assert.Equal([VendorTag, OtherVendorTag], decoded.Tlvs.Items.Select(t => t.Tag));
        Assert.Null(decoded.SarMessageReference);
    }
}
