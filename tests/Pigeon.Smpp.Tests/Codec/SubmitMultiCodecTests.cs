using System.Text;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>submit_multi and submit_multi_resp (section 4.5).</summary>
public sealed class SubmitMultiCodecTests
{
    // Section 4.5.1, one SME address and one distribution list.
    private static readonly byte[] SubmitMultiVector =
    [
        0x00, 0x00, 0x00, 0x3E,                         // command_length 62
        0x00, 0x00, 0x00, 0x21,                         // command_id submit_multi
        0x00, 0x00, 0x00, 0x00,                         // command_status
        0x00, 0x00, 0x00, 0x0C,                         // sequence_number 12
        0x00,                                           // service_type ""
        0x05,                                           // source_addr_ton alphanumeric
        0x00,                                           // source_addr_npi unknown
        0x50, 0x69, 0x67, 0x65, 0x6F, 0x6E, 0x00,       // source_addr "Pigeon"
        0x02,                                           // number_of_dests 2
        0x01,                                           //   dest_flag 1: SME address
        0x01,                                           //   dest_addr_ton international
        0x01,                                           //   dest_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x31, 0x32, 0x33, 0x00,       //   destination_addr "447700900123"
        0x02,                                           //   dest_flag 2: distribution list
        0x73, 0x74, 0x61, 0x66, 0x66, 0x00,             //   dl_name "staff"
        0x00,                                           // esm_class
        0x00,                                           // protocol_id
        0x00,                                           // priority_flag
        0x00,                                           // schedule_delivery_time ""
        0x00,                                           // validity_period ""
        0x00,                                           // registered_delivery
        0x00,                                           // replace_if_present_flag
        0x00,                                           // data_coding
        0x00,                                           // sm_default_msg_id
        0x02,                                           // sm_length 2
        0x48, 0x69,                                     // short_message "Hi"
    ];

    // Section 4.5.2, one destination refused.
    private static readonly byte[] SubmitMultiRespVector =
    [
        0x00, 0x00, 0x00, 0x27,                         // command_length 39
        0x80, 0x00, 0x00, 0x21,                         // command_id submit_multi_resp
        0x00, 0x00, 0x00, 0x00,                         // command_status ESME_ROK
        0x00, 0x00, 0x00, 0x0C,                         // sequence_number 12
        0x6D, 0x31, 0x00,                               // message_id "m1"
        0x01,                                           // no_unsuccess 1
        0x01,                                           //   dest_addr_ton international
        0x01,                                           //   dest_addr_npi ISDN
        0x34, 0x34, 0x37, 0x37, 0x30, 0x30,
        0x39, 0x30, 0x30, 0x39, 0x39, 0x39, 0x00,       //   destination_addr "447700900999"
        0x00, 0x00, 0x00, 0x0B,                         //   error_status_code ESME_RINVDSTADR
    ];

    [Fact]
    public void Encode_submit_multi_matches_the_specification_layout()
    {
        var pdu = new SubmitMulti
        {
            SequenceNumber = 12,
            Source = SmppAddress.Alphanumeric("Pigeon"),
            ShortMessage = "Hi"u8.ToArray(),
        };
        pdu.Destinations.Add(DestinationAddress.Sme(SmppAddress.International("447700900123")));
        pdu.Destinations.Add(DestinationAddress.DistributionList("staff"));

        Assert.Equal(SubmitMultiVector, PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Decode_submit_multi_reads_every_field()
    {
        var pdu = PduAssert.Decodes<SubmitMulti>(SubmitMultiVector);

        Assert.Equal(12u, pdu.SequenceNumber);
        Assert.Equal(string.Empty, pdu.ServiceType);
        Assert.Equal(new SmppAddress(TypeOfNumber.Alphanumeric, NumberingPlan.Unknown, "Pigeon"), pdu.Source);
        Assert.Equal(2, pdu.Destinations.Count);
        Assert.Equal(DestinationFlag.SmeAddress, pdu.Destinations[0].Flag);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900123"), pdu.Destinations[0].Address);
        Assert.Equal(DestinationFlag.DistributionList, pdu.Destinations[1].Flag);
        Assert.Equal("staff", pdu.Destinations[1].DistributionListName);
        Assert.Equal(EsmClass.Default, pdu.EsmClass);
        Assert.Equal(0, pdu.ProtocolId);
        Assert.Equal(0, pdu.PriorityFlag);
        Assert.Equal(string.Empty, pdu.ScheduleDeliveryTime);
        Assert.Equal(string.Empty, pdu.ValidityPeriod);
        Assert.Equal(RegisteredDelivery.None, pdu.RegisteredDelivery);
        Assert.Equal(0, pdu.ReplaceIfPresentFlag);
        Assert.Equal(0, pdu.DataCoding);
        Assert.Equal(0, pdu.SmDefaultMessageId);
        Assert.Equal("Hi", Encoding.ASCII.GetString(pdu.ShortMessage.Span));
        Assert.False(pdu.HasTlvs);
    }

    [Fact]
    public void Encode_submit_multi_resp_matches_the_specification_layout()
    {
        var response = (SubmitMultiResp)new SubmitMulti { SequenceNumber = 12 }.CreateResponse();
        response.MessageId = "m1";
        response.UnsuccessfulSmes.Add(new UnsuccessfulSme(SmppAddress.International("447700900999"), CommandStatus.InvalidDestinationAddress));

        Assert.Equal(SubmitMultiRespVector, PduEncoder.ToArray(response));
    }

    [Fact]
    public void Decode_submit_multi_resp_reads_every_unsuccessful_destination()
    {
        var pdu = PduAssert.Decodes<SubmitMultiResp>(SubmitMultiRespVector);

        Assert.Equal(12u, pdu.SequenceNumber);
        Assert.Equal(CommandStatus.Ok, pdu.CommandStatus);
        Assert.Equal("m1", pdu.MessageId);
        var unsuccessful = Assert.Single(pdu.UnsuccessfulSmes);
        Assert.Equal(new SmppAddress(TypeOfNumber.International, NumberingPlan.Isdn, "447700900999"), unsuccessful.Address);
        Assert.Equal(CommandStatus.InvalidDestinationAddress, unsuccessful.ErrorStatusCode);
    }

    [Fact]
    public void Decode_failed_submit_multi_resp_accepts_a_bare_header()
    {
        var frame = new FrameBuilder().Frame(CommandId.SubmitMultiResp, 12, CommandStatus.SubmitFailed);

        var pdu = PduAssert.Decodes<SubmitMultiResp>(frame);

        Assert.Equal(CommandStatus.SubmitFailed, pdu.CommandStatus);
        Assert.Equal(string.Empty, pdu.MessageId);
        Assert.Empty(pdu.UnsuccessfulSmes);
    }

    [Fact]
    public void Encode_submit_multi_with_254_destinations_decodes_back()
    {
        var pdu = new SubmitMulti { SequenceNumber = 1 };
        for (var i = 0; i < SubmitMulti.MaxDestinations; i++)
        {
            pdu.Destinations.Add(DestinationAddress.Sme(SmppAddress.International($"4477009{i:D5}")));
        }

        var decoded = PduAssert.Decodes<SubmitMulti>(PduEncoder.ToArray(pdu));

        Assert.Equal(pdu.Destinations, decoded.Destinations);
    }

    [Fact]
    public void Encode_submit_multi_with_255_destinations_is_refused()
    {
        var pdu = new SubmitMulti();
        for (var i = 0; i <= SubmitMulti.MaxDestinations; i++)
        {
            pdu.Destinations.Add(DestinationAddress.DistributionList("dl"));
        }

        Assert.Throws<InvalidOperationException>(() => PduEncoder.ToArray(pdu));
    }

    [Fact]
    public void Encode_submit_multi_with_an_undefined_destination_flag_is_refused()
    {
        var pdu = new SubmitMulti();
        pdu.Destinations.Add(default);

        Assert.Throws<InvalidOperationException>(() => PduEncoder.ToArray(pdu));
    }
}
