namespace Pigeon.Smpp.Text;

/// <summary>
/// Segment capacities: 140 octets of user data per SMS (3GPP TS 23.040 section 9.2.3.16), less the user data
/// header of a concatenated part (6 octets with the 8-bit reference element, 7 with the 16-bit one; for GSM 7-bit
/// rounded down to whole septets after the fill bits).
/// <code>
/// alphabet   single   8-bit reference   16-bit reference   unit
/// GSM 7-bit  160      153               152                septet
/// UCS-2      70       67                66                 UTF-16 code unit
/// 8-bit      140      134               133                octet
/// </code>
/// </summary>
/// <param name="Single">Units in an unsegmented message.</param>
/// <param name="Part">Units in one part of a concatenated message.</param>
/// <param name="OctetsPerUnit">Octets one unit takes in short_message when unpacked.</param>
internal readonly record struct SegmentLimits(int Single, int Part, int OctetsPerUnit)
{
    /// <summary>User data octets of one SMS.</summary>
    public const int UserDataOctets = 140;

    /// <summary>UDHL, IEI, IEDL and three octets of the 8-bit reference element.</summary>
    public const int Reference8HeaderOctets = 6;

    /// <summary>UDHL, IEI, IEDL and four octets of the 16-bit reference element.</summary>
    public const int Reference16HeaderOctets = 7;

    /// <summary>Limits for <paramref name="encoding"/> when parts carry a header of <paramref name="headerOctets"/>.</summary>
    public static SegmentLimits For(SmsEncoding encoding, int headerOctets) => encoding switch
    {
        SmsEncoding.Gsm7 => new(UserDataOctets * 8 / 7, (UserDataOctets - headerOctets) * 8 / 7, 1),
        SmsEncoding.Ucs2 => new(UserDataOctets / 2, (UserDataOctets - headerOctets) / 2, 2),
        _ => new(UserDataOctets, UserDataOctets - headerOctets, 1),
    };
}
