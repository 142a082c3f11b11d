using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// What a dialect-001 request presented to authenticate: <c>Authorization: Basic</c> (user = the customer's name,
/// password = the API key), <c>Authorization: Bearer &lt;API key&gt;</c>, or the same two forms in the XML
/// request's <c>&lt;auth&gt;</c> element. <see cref="Malformed"/> is a header that is neither (bad Base64, no colon).
/// </summary>
internal readonly record struct Dialect001Credentials(string? User, string? Token, bool Malformed)
{
    /// <summary>Nothing presented.</summary>
    public static Dialect001Credentials None => default;

    /// <summary>True when something was presented (good or not).</summary>
    public bool Presented => Malformed || Token is not null;

    /// <summary>Reads an Authorization header value; <see cref="None"/> when it is absent or empty.</summary>
    public static Dialect001Credentials FromHeader(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return None;
        }

        var value = authorization.AsSpan().Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = value[7..].Trim();
            return token.IsEmpty ? new(null, null, true) : new(null, token.ToString(), false);
        }

        if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return FromBasic(value[6..].Trim());
        }

        return new(null, null, true);
    }

    /// <summary>The XML <c>&lt;auth token="…"/&gt;</c> or <c>&lt;auth login="…" password="…"/&gt;</c>.</summary>
    public static Dialect001Credentials FromXml(string? login, string? password, string? token) =>
        (login, password, token) switch
        {
            (null, null, { Length: > 0 }) => new(null, token, false),
            ({ } user, { Length: > 0 }, null) => new(user, password, false),
            (null, null, null) => None,
            _ => new(null, null, true),
        };

    // RFC 7617: base64 of "user:password", read as UTF-8 (the charset the challenge announces).
    private static Dialect001Credentials FromBasic(ReadOnlySpan<char> encoded)
    {
        if (encoded.IsEmpty || encoded.Length > 1024)
        {
            return new(null, null, true);
        }

        var ascii = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            if (Encoding.ASCII.GetBytes(encoded, ascii) != encoded.Length
                || Base64.DecodeFromUtf8InPlace(ascii.AsSpan(0, encoded.Length), out var length) != OperationStatus.Done)
            {
                return new(null, null, true);
            }

            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(ascii, 0, length);
            }
            catch (DecoderFallbackException)
            {
                return new(null, null, true);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 || colon == decoded.Length - 1
                ? new(null, null, true)
                : new(decoded[..colon], decoded[(colon + 1)..], false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(ascii);
        }
    }
}
