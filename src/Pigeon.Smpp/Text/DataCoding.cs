namespace Pigeon.Smpp.Text;

/// <summary>
/// A data_coding octet (SMPP v3.4 section 5.2.19) and the alphabet it implies. Values 0 to 15 follow the SMPP
/// table; above that the octet is read as a GSM data coding scheme (3GPP TS 23.038 section 4):
/// <code>
/// value        meaning                                  alphabet
/// 0x00         SMSC default alphabet                    GSM 7-bit
/// 0x01         IA5 (CCITT T.50) / ASCII                 Latin-1 (a superset, for decoding)
/// 0x02, 0x04   octet unspecified (8-bit binary)         Binary
/// 0x03         ISO-8859-1                               Latin-1
/// 0x08         UCS2 (ISO/IEC-10646)                     UCS-2
/// 0x10..0x7F   GSM general coding, bits 3-2             00 GSM 7-bit, 01 8-bit, 10 UCS-2; compressed (bit 5): Binary
/// 0xC0..0xDF   GSM message waiting, default alphabet    GSM 7-bit
/// 0xE0..0xEF   GSM message waiting, UCS-2               UCS-2
/// 0xF0..0xFF   GSM message class, bit 2                 0 GSM 7-bit, 1 8-bit
/// others       JIS, Cyrillic, Hebrew, KS C 5601, ...    Binary: decoded octet for octet as Latin-1
/// </code>
/// </summary>
/// <param name="Value">The data_coding octet as it travels.</param>
public readonly record struct DataCoding(byte Value)
{
    /// <summary>0x00: the SMSC default alphabet, in practice GSM 03.38.</summary>
    public static DataCoding SmscDefault => new(0x00);

    /// <summary>0x01: IA5 / ASCII.</summary>
    public static DataCoding Ia5 => new(0x01);

    /// <summary>0x03: ISO-8859-1.</summary>
    public static DataCoding Latin1 => new(0x03);

    /// <summary>0x04: octet unspecified, 8-bit binary.</summary>
    public static DataCoding Octets => new(0x04);

    /// <summary>0x08: UCS-2.</summary>
    public static DataCoding Ucs2 => new(0x08);

    /// <summary>The alphabet this data_coding implies; unknown values are <see cref="SmsEncoding.Binary"/>.</summary>
    public SmsEncoding Encoding => Value switch
    {
        0x00 => SmsEncoding.Gsm7,
        0x01 or 0x03 => SmsEncoding.Latin1,
        0x08 => SmsEncoding.Ucs2,
        < 0x10 => SmsEncoding.Binary,
        < 0x80 => (Value & 0x20) != 0 ? SmsEncoding.Binary : ((Value >> 2) & 0x03) switch
        {
            0 => SmsEncoding.Gsm7,
            2 => SmsEncoding.Ucs2,
            _ => SmsEncoding.Binary,
        },
        < 0xC0 => SmsEncoding.Binary,
        < 0xE0 => SmsEncoding.Gsm7,
        < 0xF0 => SmsEncoding.Ucs2,
        _ => (Value & 0x04) == 0 ? SmsEncoding.Gsm7 : SmsEncoding.Binary,
    };

    /// <summary>The data_coding a sender uses for this alphabet: 0, 3, 8, or 4 for binary.</summary>
    public static DataCoding For(SmsEncoding encoding) => encoding switch
    {
        SmsEncoding.Gsm7 => SmscDefault,
        SmsEncoding.Latin1 => Latin1,
        SmsEncoding.Ucs2 => Ucs2,
        SmsEncoding.Binary => Octets,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown SMS encoding."),
    };

    /// <inheritdoc />
    public override string ToString() => $"0x{Value:X2} ({Encoding})";
}
