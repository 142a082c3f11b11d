using System.Text;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// Reads a raw query string (<c>?a=1&amp;b=x+y%20z</c>) strictly: '+' is a space, %XX an octet, and the octets of
/// each name and value must be UTF-8. ASP.NET's own query collection replaces bad octets with U+FFFD, which would
/// send a mangled text as if it were the client's; here such a request is refused (4005).
/// </summary>
internal static class StrictQueryString
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parameters (the first of a repeated name wins); false when an escape or the UTF-8 is bad.</summary>
    public static bool TryParse(string? query, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = (query ?? string.Empty).AsSpan();
        if (text.StartsWith("?"))
        {
            text = text[1..];
        }

        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value))
            {
                return false;
            }

            parameters.TryAdd(name, value);
        }

        return true;
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new byte[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes[count++] = (byte)' ';
            }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                bytes[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else if (c > 0x7F)
            {
                // Clients escape every octet outside ASCII; a raw one is not a query we can read the same way.
                return false;
            }
            else
            {
                bytes[count++] = (byte)c;
            }
        }

        try
        {
            decoded = Utf8.GetString(bytes, 0, count);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
