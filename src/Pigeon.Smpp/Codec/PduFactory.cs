using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Codec;

/// <summary>Creates an empty PDU object for a command id; null for ids the specification does not define.</summary>
internal static class PduFactory
{
    public static Pdu? Create(CommandId id) => id switch
    {
        CommandId.GenericNack => new GenericNack(),
        CommandId.EnquireLink => new EnquireLink(),
        CommandId.EnquireLinkResp => new EnquireLinkResp(),
        CommandId.SubmitSm => new SubmitSm(),
        CommandId.SubmitSmResp => new SubmitSmResp(),
        CommandId.BindTransmitter => new BindTransmitter(),
        CommandId.BindTransmitterResp => new BindTransmitterResp(),
        CommandId.BindReceiver => new BindReceiver(),
        CommandId.BindReceiverResp => new BindReceiverResp(),
        CommandId.BindTransceiver => new BindTransceiver(),
        CommandId.BindTransceiverResp => new BindTransceiverResp(),
        CommandId.Unbind => new Unbind(),
        CommandId.UnbindResp => new UnbindResp(),
        CommandId.DeliverSm => new DeliverSm(),
        CommandId.DeliverSmResp => new DeliverSmResp(),
        _ => null,
    };
}
