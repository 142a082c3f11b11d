using System.Security.Cryptography;
using System.Text;

namespace Pigeon.Gateway.Security;

/// <summary>
/// The API key token: <c>pgn_</c>, eight characters that name the key (its <see cref="Accounts.ApiKey.Prefix"/>
/// with <c>pgn_</c>), an underscore, and 40 random base62 characters (about 238 bits). The prefix finds the key; the
/// whole token's SHA-256 is compared in constant time with the stored hash. A fast hash is right here, unlike for
/// passwords: the secret is random and long, so there is nothing for a slow hash to protect against guessing.
/// </summary>
public static class ApiKeyToken
{
    private const string Scheme = "pgn_";
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int NameLength = 8;
    private const int SecretLength = 40;

    /// <summary>Length of a prefix: <c>pgn_</c> and the eight characters of the name.</summary>
    public const int PrefixLength = 4 + NameLength;

    /// <summary>Length of a whole token.</summary>
    public const int TokenLength = PrefixLength + 1 + SecretLength;

    /// <summary>A new token, its prefix and its hash. Show the token once; store the other two.</summary>
    public static (string Token, string Prefix, string Hash) Create()
    {
        var prefix = Scheme + RandomNumberGenerator.GetString(Base62, NameLength);
        var token = prefix + "_" + RandomNumberGenerator.GetString(Base62, SecretLength);
        return (token, prefix, Hash(token));
    }

    /// <summary>The prefix of a token of the right shape; false for anything else (nothing is looked up then).</summary>
    public static bool TryGetPrefix(ReadOnlySpan<char> token, out string prefix)
    {
        prefix = string.Empty;
        if (token.Length != TokenLength || !token.StartsWith(Scheme, StringComparison.Ordinal) || token[PrefixLength] != '_')
        {
            return false;
        }

        foreach (var c in token[Scheme.Length..PrefixLength])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        foreach (var c in token[(PrefixLength + 1)..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        prefix = token[..PrefixLength].ToString();
        return true;
    }

    /// <summary>SHA-256 of the token's UTF-8, lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<char> token)
    {
        Span<byte> utf8 = stackalloc byte[TokenLength * 3];
        var length = Encoding.UTF8.GetBytes(token.Length <= TokenLength ? token : token[..TokenLength], utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>True when <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(ReadOnlySpan<char> token, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        if (token.Length != TokenLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (storedHash.Length != SHA256.HashSizeInBytes * 2 || Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != expected.Length)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[TokenLength * 3];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
