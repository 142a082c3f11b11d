using FsCheck.Xunit;
using Pigeon.Smpp.Codec;
using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// decode(encode(x)) is x, field by field and byte for byte, for every PDU type over values within the
/// specification's limits; and encode(decode(bytes)) is bytes for any encoded PDU.
/// </summary>
[Properties(Arbitrary = new[] { typeof(PduGenerators) })]
public sealed class PduRoundTripProperties
{
    [Property]
    public void Generic_nack_round_trips(GenericNack pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_transmitter_round_trips(BindTransmitter pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_transmitter_resp_round_trips(BindTransmitterResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_receiver_round_trips(BindReceiver pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_receiver_resp_round_trips(BindReceiverResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_transceiver_round_trips(BindTransceiver pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Bind_transceiver_resp_round_trips(BindTransceiverResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Outbind_round_trips(Outbind pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Unbind_round_trips(Unbind pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Unbind_resp_round_trips(UnbindResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Enquire_link_round_trips(EnquireLink pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Enquire_link_resp_round_trips(EnquireLinkResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Submit_sm_round_trips(SubmitSm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Submit_sm_resp_round_trips(SubmitSmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Deliver_sm_round_trips(DeliverSm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Deliver_sm_resp_round_trips(DeliverSmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Submit_multi_round_trips(SubmitMulti pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Submit_multi_resp_round_trips(SubmitMultiResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Data_sm_round_trips(DataSm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Data_sm_resp_round_trips(DataSmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Query_sm_round_trips(QuerySm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Query_sm_resp_round_trips(QuerySmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Cancel_sm_round_trips(CancelSm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Cancel_sm_resp_round_trips(CancelSmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Replace_sm_round_trips(ReplaceSm pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Replace_sm_resp_round_trips(ReplaceSmResp pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Alert_notification_round_trips(AlertNotification pdu) => AssertRoundTrip(pdu);

    [Property]
    public void Re_encoding_a_decoded_pdu_gives_the_same_bytes(Pdu pdu)
    {
        var bytes = PduEncoder.ToArray(pdu);

        var decoded = PduDecoder.Decode(bytes);

        Assert.NotNull(decoded.Pdu);
        Assert.Equal(bytes, PduEncoder.ToArray(decoded.Pdu));
    }

    [Property]
    public void Encoded_length_is_the_command_length_written(Pdu pdu)
    {
        var bytes = PduEncoder.ToArray(pdu);

        Assert.Equal(pdu.EncodedLength, bytes.Length);
        Assert.Equal((uint)bytes.Length, PduDecoder.ReadHeader(bytes).CommandLength);
    }

    private static void AssertRoundTrip(Pdu pdu)
    {
        var result = PduDecoder.Decode(PduEncoder.ToArray(pdu));

        Assert.Equal(Protocol.CommandStatus.Ok, result.Error);
        Assert.NotSame(pdu, result.Pdu);
        PduAssert.StructurallyEqual(pdu, result.Pdu!);
    }
}
