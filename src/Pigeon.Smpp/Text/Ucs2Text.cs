using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pigeon.Smpp.Text;

/// <summary>
/// UCS-2 as SMS uses it: UTF-16 big-endian, two octets per code unit (data_coding 8). Characters outside the
/// Basic Multilingual Plane travel as surrogate pairs. Code units are copied as they are, so even a lone surrogate
/// survives a round trip.
/// </summary>
internal static class Ucs2Text
{
    /// <summary>Writes two octets per UTF-16 code unit, most significant first.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var length = text.Length * 2;
        var output = destination[..length];
        var units = MemoryMarshal.Cast<char, ushort>(text);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(units, MemoryMarshal.Cast<byte, ushort>(output));
        }
        else
        {
            MemoryMarshal.AsBytes(units).CopyTo(output);
        }

        return length;
    }

    /// <summary>Decodes big-endian code units; a trailing odd octet becomes U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var units = bytes.Length / 2;
        var odd = bytes.Length % 2;
        return string.Create(units + odd, bytes, static (chars, source) =>
        {
            var whole = source.Length / 2;
            var output = MemoryMarshal.Cast<char, ushort>(chars[..whole]);
            var input = MemoryMarshal.Cast<byte, ushort>(source[..(whole * 2)]);
            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(input, output);
            }
            else
            {
                input.CopyTo(output);
            }

            if (chars.Length > whole)
            {
                chars[whole] = '\uFFFD';
            }
        });
    }
}
