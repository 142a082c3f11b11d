namespace Pigeon.Gateway.Submission;

/// <summary>
/// The data_coding values Pigeon accepts from customers (SMPP v3.4 section 5.2.19; above 0x0F read as a GSM data
/// coding scheme, 3GPP TS 23.038 section 4):
/// <code>
/// value        meaning                                      accepted
/// 0x00-0x0A    default, IA5, binary, Latin-1, binary, JIS,  yes
///              Cyrillic, Hebrew, UCS-2, pictogram, ISO-2022-JP
/// 0x0B, 0x0C   reserved                                     no
/// 0x0D, 0x0E   extended Kanji JIS, KS C 5601                yes
/// 0x0F         reserved                                     no
/// 0x10-0x7F    GSM general coding                           yes unless compressed (bit 5) or alphabet 11 (reserved)
/// 0x80-0xBF    reserved coding groups                       no
/// 0xC0-0xFF    message waiting groups, message class        yes
/// </code>
/// Compressed text is refused because its length says nothing about its segments.
/// </summary>
public static class DataCodingSupport
{
    /// <summary>True if a message in <paramref name="dataCoding"/> is accepted.</summary>
    public static bool IsSupported(byte dataCoding) => dataCoding switch
    {
        <= 0x0A or 0x0D or 0x0E => true,
        < 0x10 => false,
        < 0x80 => (dataCoding & 0x20) == 0 && (dataCoding & 0x0C) != 0x0C,
        < 0xC0 => false,
        _ => true,
    };
}
