namespace Pigeon.Smpp.Text;

/// <summary>
/// Packs septets eight to seven octets, least significant bit first (3GPP TS 23.038 section 6.1.2.1.1):
/// <code>
/// octet   bit 7   bits 6..0
///   0     2g      1a..1g      septet 1 whole, then the low bit of septet 2
///   1     3f 3g   2a..2f      ...
/// </code>
/// With a user data header, <c>fillBits</c> zero bits come first so that the first septet starts on a septet
/// boundary counted from the start of the user data (3GPP TS 23.040 section 9.2.3.24).
/// Because sm_length counts octets, not septets, the end is marked as the specification asks: seven spare bits are
/// filled with CR rather than zeros (which would read as '@'), and a message whose own last character is CR and
/// that ends on an octet boundary gets a second CR. <see cref="GetSeptetCount"/> undoes both.
/// </summary>
internal static class Gsm7Packer
{
    private const byte CarriageReturn = 0x0D;

    /// <summary>The fill bits that follow a user data header of <paramref name="headerOctets"/> octets (UDHL included).</summary>
    public static int FillBitsAfterHeader(int headerOctets) => (7 - (headerOctets * 8 % 7)) % 7;

    /// <summary>Octets <see cref="Pack"/> writes for these septets.</summary>
    public static int GetPackedLength(ReadOnlySpan<byte> septets, int fillBits) =>
        GetPackedLength(septets.Length, septets.Length > 0 && (septets[^1] & 0x7F) == CarriageReturn, fillBits);

    /// <summary>Octets <see cref="Pack"/> writes for <paramref name="septetCount"/> septets.</summary>
    public static int GetPackedLength(int septetCount, bool endsWithCarriageReturn, int fillBits)
    {
        var second = endsWithCarriageReturn && (fillBits + septetCount * 7) % 8 == 0;
        return OctetsFor(fillBits + (septetCount + (second ? 1 : 0)) * 7);
    }

    /// <summary>Packs <paramref name="septets"/> (one per octet) after <paramref name="fillBits"/> zero bits.</summary>
    public static int Pack(ReadOnlySpan<byte> septets, int fillBits, Span<byte> destination)
    {
        var extra = NeedsSecondCarriageReturn(septets, fillBits);
        var totalBits = fillBits + (septets.Length + (extra ? 1 : 0)) * 7;
        var length = OctetsFor(totalBits);
        var output = destination[..length];
        output.Clear();
        var bit = fillBits;
        foreach (var septet in septets)
        {
            Put(output, bit, septet);
            bit += 7;
        }

        if (extra || length * 8 - totalBits == 7)
        {
            // A second CR after a final CR, or CR in seven spare bits that would otherwise read as '@'.
            Put(output, bit, CarriageReturn);
        }

        return length;
    }

    /// <summary>
    /// Septets held in <paramref name="packed"/> after <paramref name="fillBits"/>: every whole septet, less a final
    /// CR that ends exactly on an octet boundary (padding, or the doubled CR described above).
    /// </summary>
    public static int GetSeptetCount(ReadOnlySpan<byte> packed, int fillBits)
    {
        var available = packed.Length * 8 - fillBits;
        if (available < 7)
        {
            return 0;
        }

        var count = available / 7;
        if ((fillBits + count * 7) % 8 == 0 && Get(packed, fillBits + (count - 1) * 7) == CarriageReturn)
        {
            count--;
        }

        return count;
    }

    /// <summary>Unpacks <paramref name="count"/> septets that start after <paramref name="fillBits"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int fillBits, int count, Span<byte> destination)
    {
        var bit = fillBits;
        for (var i = 0; i < count; i++)
        {
            destination[i] = Get(packed, bit);
            bit += 7;
        }
    }

    private static bool NeedsSecondCarriageReturn(ReadOnlySpan<byte> septets, int fillBits) =>
        septets.Length > 0 && (septets[^1] & 0x7F) == CarriageReturn && (fillBits + septets.Length * 7) % 8 == 0;

    private static int OctetsFor(int bits) => (bits + 7) / 8;

    private static void Put(Span<byte> output, int bit, byte septet)
    {
        var value = septet & 0x7F;
        var index = bit >> 3;
        var shift = bit & 7;
        output[index] |= (byte)(value << shift);
        if (shift > 1)
        {
            output[index + 1] |= (byte)(value >> (8 - shift));
        }
    }

    private static byte Get(ReadOnlySpan<byte> packed, int bit)
    {
        var index = bit >> 3;
        var shift = bit & 7;
        var value = packed[index] >> shift;
        if (shift > 1)
        {
            value |= packed[index + 1] << (8 - shift);
        }

        return (byte)(value & 0x7F);
    }
}
