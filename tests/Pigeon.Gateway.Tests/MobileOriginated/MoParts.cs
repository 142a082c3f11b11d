using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Tests.MobileOriginated;

/// <summary>deliver_sm as a supplier sends MO: whole, or one part tied by a user data header or the SAR TLVs.</summary>
internal static class MoParts
{
    public const string Number = "447911000123";

    public static DeliverSm Whole(string from, string text) => new()
    {
        Source = SmppAddress.International(from),
        Destination = SmppAddress.International(Number),
        ShortMessage = SmsText.GetBytes(text, SmsEncoding.Gsm7),
    };

    /// <summary>Part <paramref name="sequence"/> of <paramref name="total"/>: UDH 05 00 03 ref total seq, then the text.</summary>
    public static DeliverSm Udh(string from, byte reference, byte total, byte sequence, string text, SmsEncoding encoding = SmsEncoding.Gsm7)
    {
        byte[] header = [0x05, 0x00, 0x03, reference, total, sequence];
        return new DeliverSm
        {
            Source = SmppAddress.International(from),
            Destination = SmppAddress.International(Number),
            EsmClass = EsmClass.UdhIndicator,
            DataCoding = DataCoding.For(encoding).Value,
            ShortMessage = (byte[])[.. header, .. SmsText.GetBytes(text, encoding)],
        };
    }

    /// <summary>Part <paramref name="sequence"/> of <paramref name="total"/> tied by sar_msg_ref_num and friends.</summary>
    public static DeliverSm Sar(string from, ushort reference, byte total, byte sequence, string text) => new()
    {
        Source = SmppAddress.International(from),
        Destination = SmppAddress.International(Number),
        ShortMessage = SmsText.GetBytes(text, SmsEncoding.Gsm7),
        SarMessageReference = reference,
        SarTotalSegments = total,
        SarSegmentSequenceNumber = sequence,
    };
}
