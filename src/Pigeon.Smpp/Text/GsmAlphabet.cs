using System.Buffers;

namespace Pigeon.Smpp.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 sections 6.2.1 and 6.2.1.1), as
/// septets held one per octet. An extension character costs two septets: the escape 0x1B, then its code.
/// <code>
/// extension  code  character
///            0x0A  form feed
///            0x14  ^
///            0x28  {
///            0x29  }
///            0x2F  \
///            0x3C  [
///            0x3D  ~
///            0x3E  ]
///            0x40  |
///            0x65  €
/// </code>
/// </summary>
internal static class GsmAlphabet
{
    /// <summary>The escape to the extension table.</summary>
    public const byte Escape = 0x1B;

    // Section 6.2.1, indexed by septet. 0x1B is the escape, never produced by encoding a character.
    private const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà";

    private static readonly (byte Code, char Char)[] ExtensionTable =
    [
        (0x0A, '\f'), (0x14, '^'), (0x28, '{'), (0x29, '}'), (0x2F, '\\'),
        (0x3C, '['), (0x3D, '~'), (0x3E, ']'), (0x40, '|'), (0x65, '€'),
    ];

    // Encoding lookup for characters below U+0400 (Latin and Greek): -1 none, 0x00..0x7F basic, 0x100|code extension.
    private const int LookupSize = 0x400;
    private const short Unmapped = -1;
    private const short ExtensionFlag = 0x100;
    private const char Euro = '€';
    private const short EuroCode = ExtensionFlag | 0x65;

    private static readonly short[] Lookup = BuildLookup();

    // Decoding of the extension table, indexed by the septet after the escape; '\0' where the table is empty.
    private static readonly char[] ExtensionChars = BuildExtensionChars();

    /// <summary>The septet code of <paramref name="c"/>: -1 if not representable; 0x100 set for extension characters.</summary>
    public static int GetCode(char c) => c < LookupSize ? Lookup[c] : c == Euro ? EuroCode : Unmapped;

    /// <summary>Septets <paramref name="c"/> costs: 1, 2 for an extension character, or -1 if not representable.</summary>
    public static int GetSeptetCost(char c)
    {
        var code = GetCode(c);
        return code < 0 ? -1 : code >= ExtensionFlag ? 2 : 1;
    }

    /// <summary>True if every character is in the basic or extension table.</summary>
    public static bool CanEncode(ReadOnlySpan<char> text) => IndexOfUnencodable(text) < 0;

    /// <summary>Index of the first character outside both tables, or -1.</summary>
    public static int IndexOfUnencodable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (GetCode(text[i]) < 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Septets the text needs, or -1 if a character is not representable.</summary>
    public static int GetSeptetCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            var cost = GetSeptetCost(c);
            if (cost < 0)
            {
                return -1;
            }

            count += cost;
        }

        return count;
    }

    /// <summary>Writes one septet per octet; throws if a character is not representable or space runs out.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var code = GetCode(text[i]);
            if (code < 0)
            {
                throw Unencodable(text[i], i, nameof(text));
            }

            if (code >= ExtensionFlag)
            {
                destination[written++] = Escape;
                destination[written++] = (byte)(code & 0x7F);
            }
            else
            {
                destination[written++] = (byte)code;
            }
        }

        return written;
    }

    /// <summary>
    /// Characters that <paramref name="septets"/> decode to. The high bit of each octet is ignored; an escape
    /// followed by a code the extension table leaves empty yields the basic character (section 6.2.1.1), two
    /// escapes yield a space, and an escape at the very end yields nothing.
    /// </summary>
    public static int GetCharCount(ReadOnlySpan<byte> septets)
    {
        var count = 0;
        for (var i = 0; i < septets.Length; i++)
        {
            if ((septets[i] & 0x7F) == Escape)
            {
                if (i + 1 >= septets.Length)
                {
                    break;
                }

                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>Decodes septets held one per octet; <paramref name="destination"/> holds <see cref="GetCharCount"/> chars.</summary>
    public static int Decode(ReadOnlySpan<byte> septets, Span<char> destination)
    {
        var written = 0;
        for (var i = 0; i < septets.Length; i++)
        {
            var septet = septets[i] & 0x7F;
            if (septet != Escape)
            {
                destination[written++] = BasicTable[septet];
                continue;
            }

            if (i + 1 >= septets.Length)
            {
                break;
            }

            var next = septets[++i] & 0x7F;
            destination[written++] = next == Escape ? ' ' : ExtensionChars[next] != '\0' ? ExtensionChars[next] : BasicTable[next];
        }

        return written;
    }

    /// <summary>Decodes septets held one per octet into a new string.</summary>
    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var count = GetCharCount(septets);
        if (count == 0)
        {
            return string.Empty;
        }

        char[]? rented = null;
        var buffer = count <= 256 ? stackalloc char[count] : (rented = ArrayPool<char>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            Decode(septets, buffer);
            return new string(buffer);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    internal static ArgumentException Unencodable(char c, int index, string paramName) =>
        new($"Character U+{(int)c:X4} at index {index} is not in the GSM 03.38 alphabet or its extension table.", paramName);

    private static short[] BuildLookup()
    {
        var lookup = new short[LookupSize];
        Array.Fill(lookup, Unmapped);
        for (var septet = 0; septet < BasicTable.Length; septet++)
        {
            if (septet != Escape)
            {
                lookup[BasicTable[septet]] = (short)septet;
            }
        }

        foreach (var (code, c) in ExtensionTable)
        {
            if (c < LookupSize)
            {
                lookup[c] = (short)(ExtensionFlag | code);
            }
        }

        return lookup;
    }

    private static char[] BuildExtensionChars()
    {
        var chars = new char[128];
        foreach (var (code, c) in ExtensionTable)
        {
            chars[code] = c;
        }

        return chars;
    }
}
