using System.Globalization;
using System.Security.Cryptography;

namespace Pigeon.Gateway.Security;

/// <summary>
/// Hashes secrets (SMPP passwords, later API keys) with PBKDF2-HMAC-SHA256 from the BCL
/// (<see cref="Rfc2898DeriveBytes.Pbkdf2(ReadOnlySpan{char}, ReadOnlySpan{byte}, int, HashAlgorithmName, int)"/>),
/// 600,000 iterations by default (OWASP's figure for SHA-256), a random 16-octet salt per hash and a 32-octet
/// result, stored in the self-describing PHC string format:
/// <code>
/// $pbkdf2-sha256$i=600000$&lt;salt, base64 without padding&gt;$&lt;hash, base64 without padding&gt;
/// </code>
/// Why PBKDF2 rather than Argon2id: it is in the BCL on the operating system's native crypto (no dependency, and a
/// FIPS-approved construction operators are asked for), while the Argon2id packages served are managed code whose
/// memory cost per verification (tens of MiB) multiplies under a storm of binds on a small machine. SMPP passwords
/// are at most 8 characters, so no stretching makes a weak one strong; what matters is that nothing reversible is
/// stored and that verifying is slow for an attacker with the store yet cheap for us on a repeated bind, which the
/// <see cref="CredentialVerifier"/> cache provides. Verification compares in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>). Thread-safe.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>The iteration count new hashes get unless told otherwise.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The algorithm identifier of the stored format.</summary>
    public const string AlgorithmId = "pbkdf2-sha256";

    private const int SaltOctets = 16;
    private const int HashOctets = 32;

    /// <summary>Stored hashes claiming more are refused, so a tampered row cannot make one bind burn minutes of CPU.</summary>
    private const int MaxIterations = 10_000_000;

    private const int MaxHashOctets = 64;

    /// <summary>Creates a hasher whose new hashes use <paramref name="iterations"/> iterations.</summary>
    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        Iterations = iterations;
    }

    /// <summary>Iterations new hashes use; a stored hash with fewer verifies as <see cref="PasswordVerification.SucceededRehashNeeded"/>.</summary>
    public int Iterations { get; }

    /// <summary>Hashes <paramref name="password"/> with a new random salt.</summary>
    public string Hash(ReadOnlySpan<char> password)
    {
        Span<byte> salt = stackalloc byte[SaltOctets];
        RandomNumberGenerator.Fill(salt);
        Span<byte> hash = stackalloc byte[HashOctets];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, hash, Iterations, HashAlgorithmName.SHA256);
        return string.Create(CultureInfo.InvariantCulture, $"${AlgorithmId}$i={Iterations}${ToBase64(salt)}${ToBase64(hash)}");
    }

    /// <summary>Checks <paramref name="password"/> against a hash this class made.</summary>
    public PasswordVerification Verify(ReadOnlySpan<char> password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> salt = stackalloc byte[MaxHashOctets];
        Span<byte> expected = stackalloc byte[MaxHashOctets];
        if (!TryParse(storedHash, salt, expected, out var iterations, out var saltLength, out var hashLength))
        {
            return PasswordVerification.Failed;
        }

        Span<byte> actual = stackalloc byte[hashLength];
        Rfc2898DeriveBytes.Pbkdf2(password, salt[..saltLength], actual, iterations, HashAlgorithmName.SHA256);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected[..hashLength]))
        {
            return PasswordVerification.Failed;
        }

        return iterations < Iterations ? PasswordVerification.SucceededRehashNeeded : PasswordVerification.Succeeded;
    }

    /// <summary>True if <paramref name="storedHash"/> is in the format <see cref="Hash"/> writes.</summary>
    public static bool IsWellFormed(string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> salt = stackalloc byte[MaxHashOctets];
        Span<byte> hash = stackalloc byte[MaxHashOctets];
        return TryParse(storedHash, salt, hash, out _, out _, out _);
    }

    private static bool TryParse(ReadOnlySpan<char> text, Span<byte> salt, Span<byte> hash, out int iterations, out int saltLength, out int hashLength)
    {
        iterations = saltLength = hashLength = 0;
        Span<Range> fields = stackalloc Range[6];
        if (text.Split(fields, '$') != 5 || text[fields[0]].Length != 0 || !text[fields[1]].SequenceEqual(AlgorithmId))
        {
            return false;
        }

        var parameters = text[fields[2]];
        if (!parameters.StartsWith("i=")
            || !int.TryParse(parameters[2..], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1 || iterations > MaxIterations)
        {
            return false;
        }

        return TryFromBase64(text[fields[3]], salt, out saltLength) && saltLength >= 8
            && TryFromBase64(text[fields[4]], hash, out hashLength) && hashLength >= 16;
    }

    private static string ToBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryFromBase64(ReadOnlySpan<char> unpadded, Span<byte> destination, out int written)
    {
        written = 0;
        if (unpadded.Length == 0 || unpadded.Length > 96 || unpadded.Length % 4 == 1)
        {
            return false;
        }

        Span<char> padded = stackalloc char[(unpadded.Length + 3) / 4 * 4];
        unpadded.CopyTo(padded);
        padded[unpadded.Length..].Fill('=');
        return Convert.TryFromBase64Chars(padded, destination, out written);
    }
}
