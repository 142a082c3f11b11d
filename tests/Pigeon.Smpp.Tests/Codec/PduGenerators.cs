using FsCheck;
using FsCheck.Fluent;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Tlvs;
using static Pigeon.Smpp.Tests.Codec.FieldGenerators;

namespace Pigeon.Smpp.Tests.Codec;

/// <summary>
/// FsCheck arbitraries for every PDU, built from <see cref="FieldGenerators"/> so that every value respects the
/// specification's limits (short_message up to 254 octets, at most 254 destinations, TLVs of valid sizes, unknown
/// vendor tags with any value). Error responses whose body the specification omits are generated as bare headers.
/// </summary>
public static class PduGenerators
{
    public static Arbitrary<GenericNack> GenericNacks() => Arb.From(HeaderOnlyResponse(() => new GenericNack()));

    public static Arbitrary<BindTransmitter> BindTransmitters() => Arb.From(BindRequest(() => new BindTransmitter()));

    public static Arbitrary<BindTransmitterResp> BindTransmitterResps() => Arb.From(BindResponse(() => new BindTransmitterResp()));

    public static Arbitrary<BindReceiver> BindReceivers() => Arb.From(BindRequest(() => new BindReceiver()));

    public static Arbitrary<BindReceiverResp> BindReceiverResps() => Arb.From(BindResponse(() => new BindReceiverResp()));

    public static Arbitrary<BindTransceiver> BindTransceivers() => Arb.From(BindRequest(() => new BindTransceiver()));

    public static Arbitrary<BindTransceiverResp> BindTransceiverResps() => Arb.From(BindResponse(() => new BindTransceiverResp()));

    public static Arbitrary<Outbind> Outbinds() => Arb.From(OutbindGen);

    public static Arbitrary<Unbind> Unbinds() => Arb.From(HeaderOnlyRequest(() => new Unbind()));

    public static Arbitrary<UnbindResp> UnbindResps() => Arb.From(HeaderOnlyResponse(() => new UnbindResp()));

    public static Arbitrary<EnquireLink> EnquireLinks() => Arb.From(HeaderOnlyRequest(() => new EnquireLink()));

    public static Arbitrary<EnquireLinkResp> EnquireLinkResps() => Arb.From(HeaderOnlyResponse(() => new EnquireLinkResp()));

    public static Arbitrary<SubmitSm> SubmitSms() => Arb.From(ShortMessageRequest(() => new SubmitSm()));

    public static Arbitrary<SubmitSmResp> SubmitSmResps() => Arb.From(MessageIdResponse(() => new SubmitSmResp()));

    public static Arbitrary<DeliverSm> DeliverSms() => Arb.From(ShortMessageRequest(() => new DeliverSm()));

    public static Arbitrary<DeliverSmResp> DeliverSmResps() => Arb.From(MessageIdResponse(() => new DeliverSmResp()));

    public static Arbitrary<SubmitMulti> SubmitMultis() => Arb.From(SubmitMultiGen);

    public static Arbitrary<SubmitMultiResp> SubmitMultiResps() => Arb.From(SubmitMultiRespGen);

    public static Arbitrary<DataSm> DataSms() => Arb.From(DataSmGen);

    public static Arbitrary<DataSmResp> DataSmResps() => Arb.From(MessageIdResponse(() => new DataSmResp()));

    public static Arbitrary<QuerySm> QuerySms() => Arb.From(QuerySmGen);

    public static Arbitrary<QuerySmResp> QuerySmResps() => Arb.From(QuerySmRespGen);

    public static Arbitrary<CancelSm> CancelSms() => Arb.From(CancelSmGen);

    public static Arbitrary<CancelSmResp> CancelSmResps() => Arb.From(HeaderOnlyResponse(() => new CancelSmResp()));

    public static Arbitrary<ReplaceSm> ReplaceSms() => Arb.From(ReplaceSmGen);

    public static Arbitrary<ReplaceSmResp> ReplaceSmResps() => Arb.From(HeaderOnlyResponse(() => new ReplaceSmResp()));

    public static Arbitrary<AlertNotification> AlertNotifications() => Arb.From(AlertNotificationGen);

    /// <summary>Any of the 27 PDUs, for properties that hold whatever the command.</summary>
    public static Arbitrary<Pdu> AnyPdu() => Arb.From(Gen.OneOf(
        HeaderOnlyResponse(() => new GenericNack()).Select(p => (Pdu)p),
        BindRequest(() => new BindTransmitter()).Select(p => (Pdu)p),
        BindResponse(() => new BindTransmitterResp()).Select(p => (Pdu)p),
        BindRequest(() => new BindReceiver()).Select(p => (Pdu)p),
        BindResponse(() => new BindReceiverResp()).Select(p => (Pdu)p),
        BindRequest(() => new BindTransceiver()).Select(p => (Pdu)p),
        BindResponse(() => new BindTransceiverResp()).Select(p => (Pdu)p),
        OutbindGen.Select(p => (Pdu)p),
        HeaderOnlyRequest(() => new Unbind()).Select(p => (Pdu)p),
        HeaderOnlyResponse(() => new UnbindResp()).Select(p => (Pdu)p),
        HeaderOnlyRequest(() => new EnquireLink()).Select(p => (Pdu)p),
        HeaderOnlyResponse(() => new EnquireLinkResp()).Select(p => (Pdu)p),
        ShortMessageRequest(() => new SubmitSm()).Select(p => (Pdu)p),
        MessageIdResponse(() => new SubmitSmResp()).Select(p => (Pdu)p),
        ShortMessageRequest(() => new DeliverSm()).Select(p => (Pdu)p),
        MessageIdResponse(() => new DeliverSmResp()).Select(p => (Pdu)p),
        SubmitMultiGen.Select(p => (Pdu)p),
        SubmitMultiRespGen.Select(p => (Pdu)p),
        DataSmGen.Select(p => (Pdu)p),
        MessageIdResponse(() => new DataSmResp()).Select(p => (Pdu)p),
        QuerySmGen.Select(p => (Pdu)p),
        QuerySmRespGen.Select(p => (Pdu)p),
        CancelSmGen.Select(p => (Pdu)p),
        HeaderOnlyResponse(() => new CancelSmResp()).Select(p => (Pdu)p),
        ReplaceSmGen.Select(p => (Pdu)p),
        HeaderOnlyResponse(() => new ReplaceSmResp()).Select(p => (Pdu)p),
        AlertNotificationGen.Select(p => (Pdu)p)));

    private static Gen<Outbind> OutbindGen =>
        from header in RequestHeader
        from systemId in CString(16)
        from password in CString(9)
        from tlvs in AnyTlvs
        select With(new Outbind { SystemId = systemId, Password = password }, header, tlvs);

    private static Gen<SubmitMulti> SubmitMultiGen =>
        from header in RequestHeader
        from serviceType in CString(6)
        from source in Address(21)
        from destinations in Gen.Frequency(
            (6, Gen.Choose(1, 5).SelectMany(count => Gen.ArrayOf(AnyDestination, count))),
            (1, Gen.ArrayOf(AnyDestination, SubmitMulti.MaxDestinations)))
        from octets in Gen.ArrayOf(AnyByte, 9)
        from schedule in Time
        from validity in Time
        from shortMessage in Bytes(254)
        from tlvs in AnyTlvs
        select With(
            Fill(
                new SubmitMulti
                {
                    ServiceType = serviceType,
                    Source = source,
                    EsmClass = (EsmClass)octets[0],
                    ProtocolId = octets[1],
                    PriorityFlag = octets[2],
                    ScheduleDeliveryTime = schedule,
                    ValidityPeriod = validity,
                    RegisteredDelivery = (RegisteredDelivery)octets[3],
                    ReplaceIfPresentFlag = octets[4],
                    DataCoding = octets[5],
                    SmDefaultMessageId = octets[6],
                    ShortMessage = shortMessage,
                },
                destinations),
            header,
            tlvs);

    private static Gen<SubmitMultiResp> SubmitMultiRespGen =>
        from header in ResponseHeader
        from messageId in CString(65)
        from unsuccessful in Gen.Choose(0, 5).SelectMany(count => Gen.ArrayOf(AnyUnsuccessfulSme, count))
        from tlvs in AnyTlvs
        select With(Fill(new SubmitMultiResp { MessageId = messageId }, unsuccessful), header, tlvs);

    private static Gen<DataSm> DataSmGen =>
        from header in RequestHeader
        from serviceType in CString(6)
        from source in Address(65)
        from destination in Address(65)
        from octets in Gen.ArrayOf(AnyByte, 3)
        from tlvs in AnyTlvs
        select With(
            new DataSm
            {
                ServiceType = serviceType,
                Source = source,
                Destination = destination,
                EsmClass = (EsmClass)octets[0],
                RegisteredDelivery = (RegisteredDelivery)octets[1],
                DataCoding = octets[2],
            },
            header,
            tlvs);

    private static Gen<QuerySm> QuerySmGen =>
        from header in RequestHeader
        from messageId in CString(65)
        from source in Address(21)
        from tlvs in AnyTlvs
        select With(new QuerySm { MessageId = messageId, Source = source }, header, tlvs);

    private static Gen<QuerySmResp> QuerySmRespGen =>
        from header in ResponseHeader
        from messageId in CString(65)
        from finalDate in Time
        from state in AnyByte
        from errorCode in AnyByte
        from tlvs in AnyTlvs
        select With(
            new QuerySmResp { MessageId = messageId, FinalDate = finalDate, MessageState = (MessageState)state, ErrorCode = errorCode },
            header,
            tlvs);

    private static Gen<CancelSm> CancelSmGen =>
        from header in RequestHeader
        from serviceType in CString(6)
        from messageId in CString(65)
        from source in Address(21)
        from destination in Address(21)
        from tlvs in AnyTlvs
        select With(
            new CancelSm { ServiceType = serviceType, MessageId = messageId, Source = source, Destination = destination },
            header,
            tlvs);

    private static Gen<ReplaceSm> ReplaceSmGen =>
        from header in RequestHeader
        from messageId in CString(65)
        from source in Address(21)
        from schedule in Time
        from validity in Time
        from registered in AnyByte
        from defaultId in AnyByte
        from shortMessage in Bytes(254)
        from tlvs in AnyTlvs
        select With(
            new ReplaceSm
            {
                MessageId = messageId,
                Source = source,
                ScheduleDeliveryTime = schedule,
                ValidityPeriod = validity,
                RegisteredDelivery = (RegisteredDelivery)registered,
                SmDefaultMessageId = defaultId,
                ShortMessage = shortMessage,
            },
            header,
            tlvs);

    private static Gen<AlertNotification> AlertNotificationGen =>
        from header in RequestHeader
        from source in Address(65)
        from esme in Address(65)
        from tlvs in AnyTlvs
        select With(new AlertNotification { Source = source, EsmeAddress = esme }, header, tlvs);

    private static Gen<T> HeaderOnlyRequest<T>(Func<T> create)
        where T : Pdu =>
        from header in RequestHeader
        from tlvs in AnyTlvs
        select With(create(), header, tlvs);

    private static Gen<T> HeaderOnlyResponse<T>(Func<T> create)
        where T : Pdu =>
        from header in ResponseHeader
        from tlvs in AnyTlvs
        select With(create(), header, tlvs);

    private static Gen<T> BindRequest<T>(Func<T> create)
        where T : Pdus.BindRequest =>
        from header in RequestHeader
        from systemId in CString(16)
        from password in CString(9)
        from systemType in CString(13)
        from version in Gen.Elements<byte>(0x33, 0x34, 0x50)
        from ton in AnyByte
        from npi in AnyByte
        from range in CString(41)
        from tlvs in AnyTlvs
        select With(
            Set(create(), bind =>
            {
                bind.SystemId = systemId;
                bind.Password = password;
                bind.SystemType = systemType;
                bind.InterfaceVersion = version;
                bind.AddressTon = (TypeOfNumber)ton;
                bind.AddressNpi = (NumberingPlan)npi;
                bind.AddressRange = range;
            }),
            header,
            tlvs);

    /// <summary>Bind responses omit their body on error (4.1.2), so those are bare headers.</summary>
    private static Gen<T> BindResponse<T>(Func<T> create)
        where T : Pdus.BindResponse =>
        from header in ResponseHeader
        from systemId in CString(16)
        from tlvs in AnyTlvs
        select header.Status == CommandStatus.Ok
            ? With(Set(create(), bind => bind.SystemId = systemId), header, tlvs)
            : With(create(), header, []);

    private static Gen<T> MessageIdResponse<T>(Func<T> create)
        where T : Pdus.MessageIdResponse =>
        from header in ResponseHeader
        from messageId in CString(65)
        from tlvs in AnyTlvs
        select OmitsBodyOnError(create()) && header.Status != CommandStatus.Ok
            ? With(create(), header, [])
            : With(Set(create(), response => response.MessageId = messageId), header, tlvs);

    private static Gen<T> ShortMessageRequest<T>(Func<T> create)
        where T : Pdus.ShortMessageRequest =>
        from header in RequestHeader
        from serviceType in CString(6)
        from source in Address(21)
        from destination in Address(21)
        from octets in Gen.ArrayOf(AnyByte, 9)
        from schedule in Time
        from validity in Time
        from shortMessage in Bytes(254)
        from tlvs in AnyTlvs
        select With(
            Set(create(), message =>
            {
                message.ServiceType = serviceType;
                message.Source = source;
                message.Destination = destination;
                message.EsmClass = (EsmClass)octets[0];
                message.ProtocolId = octets[1];
                message.PriorityFlag = octets[2];
                message.ScheduleDeliveryTime = schedule;
                message.ValidityPeriod = validity;
                message.RegisteredDelivery = (RegisteredDelivery)octets[3];
                message.ReplaceIfPresentFlag = octets[4];
                message.DataCoding = octets[5];
                message.SmDefaultMessageId = octets[6];
                message.ShortMessage = shortMessage;
            }),
            header,
            tlvs);

    private static bool OmitsBodyOnError(Pdu pdu) => pdu is SubmitSmResp;

    private static T Set<T>(T pdu, Action<T> assign)
    {
        assign(pdu);
        return pdu;
    }

    private static SubmitMulti Fill(SubmitMulti pdu, DestinationAddress[] destinations)
    {
        foreach (var destination in destinations)
        {
            pdu.Destinations.Add(destination);
        }

        return pdu;
    }

    private static SubmitMultiResp Fill(SubmitMultiResp pdu, UnsuccessfulSme[] unsuccessful)
    {
        foreach (var sme in unsuccessful)
        {
            pdu.UnsuccessfulSmes.Add(sme);
        }

        return pdu;
    }

    private static T With<T>(T pdu, (CommandStatus Status, uint Sequence) header, Tlv[] tlvs)
        where T : Pdu
    {
        pdu.CommandStatus = header.Status;
        pdu.SequenceNumber = header.Sequence;
        foreach (var tlv in tlvs)
        {
            pdu.Tlvs.Add(tlv);
        }

        return pdu;
    }
}
