namespace Pigeon.Smpp.Text;

/// <summary>
/// How GSM 7-bit text is laid out in short_message. SMPP normally carries one septet per octet and lets the SMSC
/// pack; some SMSCs want the air-interface packing (3GPP TS 23.038 section 6.1.2.1.1), notably with a UDH.
/// </summary>
public enum Gsm7Packing
{
    /// <summary>One septet per octet, the high bit zero: what data_coding 0 carries on most SMSCs.</summary>
    Unpacked,

    /// <summary>Eight septets in seven octets, least significant bit first.</summary>
    Packed,
}
