using System.Security.Cryptography;

namespace Pigeon.Gateway.Security;

/// <summary>
/// Random credentials from the operating system's cryptographic generator, for the first-start demo account and
/// for operators who let Pigeon choose: SMPP passwords (at most 8 characters, the v3.4 limit), system ids (at most
/// 15) and API keys. Characters people confuse (0/O/o, 1/l/I) are left out of what they may have to type.
/// </summary>
public static class SecretGenerator
{
    /// <summary>Letters and digits without look-alikes: 55 symbols, so 8 characters hold about 46 bits.</summary>
    private const string Readable = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private const string LowerAndDigits = "abcdefghijkmnpqrstuvwxyz23456789";

    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Most characters of an SMPP password (section 4.1.1: password is C-octet string of at most 9 with its NUL).</summary>
    public const int MaxSmppPasswordLength = 8;

    /// <summary>Most characters of an SMPP system_id.</summary>
    public const int MaxSystemIdLength = 15;

    /// <summary>A new SMPP password of <paramref name="length"/> characters (1 to 8).</summary>
    public static string NewSmppPassword(int length = MaxSmppPasswordLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxSmppPasswordLength);
        return RandomNumberGenerator.GetString(Readable, length);
    }

    /// <summary>A new system_id: <paramref name="prefix"/> followed by random lower-case letters and digits, 15 characters in all.</summary>
    public static string NewSystemId(string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix.Length, MaxSystemIdLength - 4);
        return prefix + RandomNumberGenerator.GetString(LowerAndDigits, MaxSystemIdLength - prefix.Length);
    }

    /// <summary>A new API key: <paramref name="prefix"/> and 40 base62 characters (about 238 bits).</summary>
    public static string NewApiKey(string prefix = "pgn_")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix + RandomNumberGenerator.GetString(Base62, 40);
    }
}
