namespace Pigeon.Gateway.Submission;

/// <summary>
/// Checks the user data header a customer put at the start of its content with esm_class UDHI set (3GPP TS 23.040
/// section 9.2.3.24):
/// <code>
/// offset  size  field
///   0      1    UDHL   octets of the elements that follow
///   1      1    IEI    element identifier            } repeated until UDHL octets are used,
///   2      1    IEDL   element data length           } exactly
///   3      n    data
/// </code>
/// A concatenation element (IEI 0x00 with 3 octets, or 0x08 with 4) must number its part within its total.
/// </summary>
internal static class UserDataHeaderCheck
{
    private const byte Concatenation8 = 0x00;
    private const byte Concatenation16 = 0x08;

    /// <summary>True when the header is well formed; <paramref name="headerOctets"/> is then UDHL + 1.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> userData, out int headerOctets)
    {
        headerOctets = 0;
        if (userData.Length < 3 || userData[0] < 2 || userData[0] + 1 > userData.Length)
        {
            return false;
        }

        var end = userData[0] + 1;
        var i = 1;
        while (i < end)
        {
            if (i + 2 > end)
            {
                return false;
            }

            var iei = userData[i];
            var length = userData[i + 1];
            var data = i + 2;
            if (data + length > end)
            {
                return false;
            }

            if ((iei == Concatenation8 && !IsValidConcatenation(userData.Slice(data, length), 3))
                || (iei == Concatenation16 && !IsValidConcatenation(userData.Slice(data, length), 4)))
            {
                return false;
            }

            i = data + length;
        }

        headerOctets = end;
        return true;
    }

    private static bool IsValidConcatenation(ReadOnlySpan<byte> element, int expectedLength)
    {
        if (element.Length != expectedLength)
        {
            return false;
        }

        var total = element[^2];
        var sequence = element[^1];
        return total > 0 && sequence > 0 && sequence <= total;
    }
}
