using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Concatenation;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// The deliver_sm a customer gets for one stored MO. A whole message that fits one SMS (160 GSM septets, 70 UCS-2
/// characters, 140 octets) goes as one deliver_sm; a longer one is split again into parts tied by a user data header
/// with an 8-bit reference, so any ESME puts it together. The reference is taken from the MO's row id: if a crash
/// makes Pigeon send the parts again, they carry the same reference and the customer's ESME sees repeats, not a
/// second message. data_coding is kept. An MO whose body carries a user data header of its own (esm_class UDHI) is
/// sent as it came.
/// </summary>
internal static class MoDeliverSms
{
    public static IReadOnlyList<DeliverSm> For(MoRecord mo)
    {
        ArgumentNullException.ThrowIfNull(mo);
        if (((EsmClass)mo.EsmClass & EsmClass.UdhIndicator) != 0)
        {
            return [AsReceived(mo)];
        }

        SplitMessage split;
        try
        {
            split = MessageSplitter.Split(mo.Body, new DataCoding(mo.DataCoding), ConcatenationMode.UdhReference8, (ushort)(mo.Id & 0xFF));
        }
        catch (ArgumentException)
        {
            // More than 255 parts: no header can tie them; message_payload holds up to 64K octets.
            return [AsReceived(mo)];
        }

        var pdus = new DeliverSm[split.Parts.Count];
        for (var i = 0; i < pdus.Length; i++)
        {
            pdus[i] = Empty(mo);
            split.ApplyTo(pdus[i], i);
        }

        return pdus;
    }

    /// <summary>The body as it is: short_message, or message_payload when it is longer than short_message allows.</summary>
    private static DeliverSm AsReceived(MoRecord mo)
    {
        var pdu = Empty(mo);
        if (mo.Body.Length <= ShortMessageRequest.MaxShortMessageLength)
        {
            pdu.ShortMessage = mo.Body;
        }
        else
        {
            pdu.MessagePayload = mo.Body;
        }

        return pdu;
    }

    private static DeliverSm Empty(MoRecord mo) => new()
    {
        Source = new SmppAddress((TypeOfNumber)mo.SourceTon, (NumberingPlan)mo.SourceNpi, mo.Source),
        Destination = SmppAddress.International(mo.Destination),
        EsmClass = (EsmClass)mo.EsmClass,
        DataCoding = mo.DataCoding,
    };
}
