using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Pigeon.Gateway.Security;

/// <summary>
/// Verifies a secret against its stored hash through a small cache of recent answers, so that a storm of binds
/// (an ESME reconnecting all its sessions, or retrying with a wrong password) costs one slow
/// <see cref="PasswordHasher"/> verification per distinct credential, not one per bind.
/// <para>
/// The cache never holds a secret: its key is HMAC-SHA256, under a random key made when this object is created
/// and never stored, of the stored hash and the secret together, cut to 128 bits. Nothing can be recovered from
/// the keys, they mean nothing outside this process, and because the stored hash is part of the key a changed
/// password does not hit an old entry. Both answers are cached for <see cref="CredentialCacheOptions.Lifetime"/>;
/// at <see cref="CredentialCacheOptions.Capacity"/> expired entries are dropped, and if that is not enough,
/// all of them. Thread-safe.
/// </para>
/// </summary>
public sealed class CredentialVerifier
{
    private const int MaxStackBytes = 512;

    private readonly PasswordHasher _hasher;
    private readonly TimeProvider _timeProvider;
    private readonly CredentialCacheOptions _options;
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<UInt128, Entry> _entries = new();
    private long _slowVerifications;

    /// <summary>Creates a verifier over <paramref name="hasher"/>, expiring answers on <paramref name="timeProvider"/>'s clock.</summary>
    public CredentialVerifier(PasswordHasher hasher, TimeProvider timeProvider, CredentialCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _hasher = hasher;
        _timeProvider = timeProvider;
        _options = options ?? new CredentialCacheOptions();
    }

    /// <summary>Answers cached now, expired ones included until they are swept.</summary>
    public int CachedCount => _entries.Count;

    /// <summary>Slow verifications done (cache misses), for metrics and tests.</summary>
    public long SlowVerifications => Interlocked.Read(ref _slowVerifications);

    /// <summary>True if <paramref name="secret"/> matches <paramref name="storedHash"/>.</summary>
    public bool Verify(ReadOnlySpan<char> secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var key = CacheKey(secret, storedHash);
        var now = _timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Verified;
        }

        Interlocked.Increment(ref _slowVerifications);
        var verified = _hasher.Verify(secret, storedHash) != PasswordVerification.Failed;
        if (_entries.Count >= _options.Capacity)
        {
            Sweep(now);
        }

        _entries[key] = new Entry(verified, now + _options.Lifetime);
        return verified;
    }

    /// <summary>Drops every cached answer (after an operator changes credentials in bulk, say).</summary>
    public void Clear() => _entries.Clear();

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= _options.Capacity)
        {
            _entries.Clear();
        }
    }

    private UInt128 CacheKey(ReadOnlySpan<char> secret, string storedHash)
    {
        var length = Encoding.UTF8.GetByteCount(storedHash) + 1 + Encoding.UTF8.GetByteCount(secret);
        byte[]? rented = null;
        var buffer = length <= MaxStackBytes ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            var written = Encoding.UTF8.GetBytes(storedHash, buffer);
            buffer[written++] = 0;
            Encoding.UTF8.GetBytes(secret, buffer[written..]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_cacheKey, buffer, mac);
            return new UInt128(BitConverter.ToUInt64(mac), BitConverter.ToUInt64(mac[8..]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private readonly record struct Entry(bool Verified, DateTimeOffset ExpiresAt);
}
