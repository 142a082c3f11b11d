using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>Builds the submit_sm (SMPP v3.4 section 4.4.1) for a part.</summary>
internal static class SubmitSmFactory
{
    /// <summary>
    /// The part's addresses, esm_class, data_coding, validity and octets; the SAR TLVs (section 5.3.2.22-24) when
    /// the part carries all three; registered_delivery asks for a receipt either way, whatever the customer asked,
    /// because the gateway needs the supplier's receipt to settle the message. Octets beyond the 254 short_message
    /// allows travel in message_payload (section 5.3.2.32).
    /// </summary>
    public static SubmitSm Create(DispatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var submit = new SubmitSm
        {
            Source = item.Source,
            Destination = item.Destination,
            EsmClass = (EsmClass)item.EsmClass,
            DataCoding = item.DataCoding,
            ValidityPeriod = item.ValidityPeriod,
            RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
        };
        if (item.Body.Length <= ShortMessageRequest.MaxShortMessageLength)
        {
            submit.ShortMessage = item.Body;
        }
        else
        {
            submit.MessagePayload = item.Body;
        }

        if (item is { SarReference: { } reference, SarTotalSegments: { } total, SarSegmentNumber: { } number })
        {
            submit.SarMessageReference = reference;
            submit.SarTotalSegments = total;
            submit.SarSegmentSequenceNumber = number;
        }

        return submit;
    }
}
