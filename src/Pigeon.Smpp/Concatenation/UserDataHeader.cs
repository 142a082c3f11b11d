using System.Buffers.Binary;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// The user data header at the start of short_message when esm_class UDHI is set (3GPP TS 23.040 section 9.2.3.24):
/// <code>
/// offset  size  field
///   0      1    UDHL   length of the elements that follow
///   1      1    IEI    element identifier
///   2      1    IEDL   element data length
///   3      n    data   then further elements up to UDHL
///
/// concatenation, 8-bit reference      00 03 ref total seq
/// concatenation, 16-bit reference     08 04 refHi refLo total seq
/// </code>
/// </summary>
internal static class UserDataHeader
{
    /// <summary>IEI of concatenated short messages, 8-bit reference.</summary>
    public const byte Concatenation8 = 0x00;

    /// <summary>IEI of concatenated short messages, 16-bit reference.</summary>
    public const byte Concatenation16 = 0x08;

    /// <summary>Writes a header holding only the concatenation element; returns 6 or 7 octets.</summary>
    public static int WriteConcatenation(Span<byte> destination, ConcatenationMode mode, ushort reference, byte total, byte sequence)
    {
        if (mode == ConcatenationMode.UdhReference16)
        {
            destination[0] = 6;
            destination[1] = Concatenation16;
            destination[2] = 4;
            BinaryPrimitives.WriteUInt16BigEndian(destination[3..], reference);
            destination[5] = total;
            destination[6] = sequence;
            return 7;
        }

        destination[0] = 5;
        destination[1] = Concatenation8;
        destination[2] = 3;
        destination[3] = (byte)reference;
        destination[4] = total;
        destination[5] = sequence;
        return 6;
    }

    /// <summary>Octets of the header (UDHL included) at the start of <paramref name="userData"/>, or -1 if UDHL overruns it.</summary>
    public static int GetLength(ReadOnlySpan<byte> userData) =>
        userData.Length > 0 && userData[0] + 1 <= userData.Length ? userData[0] + 1 : -1;

    /// <summary>Finds a concatenation element among the elements of <paramref name="header"/> (UDHL included).</summary>
    public static bool TryGetConcatenation(ReadOnlySpan<byte> header, out ConcatenationInfo info)
    {
        info = default;
        var found = false;
        var i = 1;
        while (i + 2 <= header.Length)
        {
            var iei = header[i];
            var length = header[i + 1];
            var data = i + 2;
            if (data + length > header.Length)
            {
                break;
            }

            if (iei == Concatenation8 && length == 3)
            {
                info = new ConcatenationInfo(ConcatenationMode.UdhReference8, header[data], header[data + 1], header[data + 2]);
                found = true;
            }
            else if (iei == Concatenation16 && length == 4)
            {
                var reference = BinaryPrimitives.ReadUInt16BigEndian(header[data..]);
                info = new ConcatenationInfo(ConcatenationMode.UdhReference16, reference, header[data + 2], header[data + 3]);
                found = true;
            }

            i = data + length;
        }

        return found;
    }
}
