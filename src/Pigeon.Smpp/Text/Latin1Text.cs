using System.Text;

namespace Pigeon.Smpp.Text;

/// <summary>ISO-8859-1, one octet per character: U+0000..U+00FF and nothing else (data_coding 3).</summary>
internal static class Latin1Text
{
    public static bool CanEncode(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u00FF');

    /// <summary>Writes one octet per character; throws if a character is above U+00FF.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var bad = text.IndexOfAnyExceptInRange('\0', '\u00FF');
        if (bad >= 0)
        {
            throw Unencodable(text[bad], bad, nameof(text));
        }

        return Encoding.Latin1.GetBytes(text, destination);
    }

    /// <summary>Every octet maps to the character of the same number, so any bytes decode.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    internal static ArgumentException Unencodable(char c, int index, string paramName) =>
        new($"Character U+{(int)c:X4} at index {index} is outside ISO-8859-1.", paramName);
}
