namespace Pigeon.Smpp.Text;

/// <summary>
/// The alphabet a short message is written in, independent of how data_coding spells it (SMPP v3.4 section
/// 5.2.19, 3GPP TS 23.038 section 4). The unit a segment is counted in follows from it: septets for
/// <see cref="Gsm7"/>, UTF-16 code units for <see cref="Ucs2"/>, octets for the 8-bit alphabets.
/// </summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38 default alphabet with its extension table; 160 septets in one segment.</summary>
    Gsm7,

    /// <summary>ISO-8859-1, one octet per character (data_coding 3); 140 octets in one segment.</summary>
    Latin1,

    /// <summary>UCS-2 / UTF-16 big-endian (data_coding 8); 70 code units in one segment.</summary>
    Ucs2,

    /// <summary>8-bit data of no declared alphabet (data_coding 2 or 4); decoded octet for octet as Latin-1.</summary>
    Binary,
}
