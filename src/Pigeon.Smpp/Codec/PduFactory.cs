using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>
/// Creates an empty PDU object for a command id; null for ids the specification does not define. Every command
/// of SMPP v3.4 (section 5.1.2.1) is listed, in the specification's order.
/// </summary>
internal static class PduFactory
{
    public static Pdu? Create(CommandId id) => id switch
    {
        CommandId.GenericNack => new GenericNack(),
        CommandId.BindReceiver => new BindReceiver(),
        CommandId.BindReceiverResp => new BindReceiverResp(),
        CommandId.BindTransmitter => new BindTransmitter(),
        CommandId.BindTransmitterResp => new BindTransmitterResp(),
        CommandId.QuerySm => new QuerySm(),
        CommandId.QuerySmResp => new QuerySmResp(),
        CommandId.SubmitSm => new SubmitSm(),
        CommandId.SubmitSmResp => new SubmitSmResp(),
        CommandId.DeliverSm => new DeliverSm(),
        CommandId.DeliverSmResp => new DeliverSmResp(),
        CommandId.Unbind => new Unbind(),
        CommandId.UnbindResp => new UnbindResp(),
        CommandId.ReplaceSm => new ReplaceSm(),
        CommandId.ReplaceSmResp => new ReplaceSmResp(),
        CommandId.CancelSm => new CancelSm(),
        CommandId.CancelSmResp => new CancelSmResp(),
        CommandId.BindTransceiver => new BindTransceiver(),
        CommandId.BindTransceiverResp => new BindTransceiverResp(),
        CommandId.Outbind => new Outbind(),
        CommandId.EnquireLink => new EnquireLink(),
        CommandId.EnquireLinkResp => new EnquireLinkResp(),
        CommandId.SubmitMulti => new SubmitMulti(),
        CommandId.SubmitMultiResp => new SubmitMultiResp(),
        CommandId.AlertNotification => new AlertNotification(),
        CommandId.DataSm => new DataSm(),
        CommandId.DataSmResp => new DataSmResp(),
        _ => null,
    };
}
