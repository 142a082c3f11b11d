using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// The Pigeon-Signature header, in the scheme the large messaging and payment APIs use:
/// <c>t=&lt;unix seconds&gt;,v1=&lt;lower-case hex HMAC-SHA256&gt;</c>, the HMAC keyed with the UTF-8 bytes of the
/// customer's secret over the UTF-8 bytes of <c>"&lt;t&gt;.&lt;body&gt;"</c>. A receiver recomputes the HMAC over the
/// raw body it got, compares in constant time, and refuses a t too far from its clock (replays). A future v2 scheme
/// can be added beside v1 in the same header.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Pigeon-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (unix seconds).</summary>
    public static string CreateHeader(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(Compute(secret, timestamp, body))}");
    }

    /// <summary>
    /// True when <paramref name="header"/> carries a v1 signature of <paramref name="body"/> under
    /// <paramref name="secret"/> and a timestamp within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        long? timestamp = null;
        var signatures = new List<byte[]>(1);
        foreach (var element in header.Split(','))
        {
            var equals = element.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var (name, value) = (element[..equals].Trim(), element[(equals + 1)..].Trim());
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (name == "v1" && value.Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(value));
                }
                catch (FormatException)
                {
                    return false;
                }
            }
        }

        if (timestamp is not { } sent || signatures.Count == 0 || Math.Abs(now.ToUnixTimeSeconds() - sent) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Compute(secret, sent, body);
        return signatures.Exists(signature => CryptographicOperations.FixedTimeEquals(signature, expected));
    }

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}."));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
