using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// <c>Idempotency-Key</c> for the native API's writes. The first answer to a key is kept in the store
/// (<see cref="RememberRequest"/>, as <c>idem:&lt;key&gt;</c> per customer, with a SHA-256 fingerprint of the method,
/// path and exact body) for <see cref="NativeApiLimits.IdempotencyKeyLifetime"/>; a repeat with the same
/// fingerprint gets that answer again, one with another fingerprint is refused. While a request with a key runs,
/// the key is held in memory, so a concurrent repeat is refused instead of racing the first (two nodes of a
/// cluster would still race; the store keeps the first answer either way).
/// </summary>
internal sealed class IdempotentRequests(GatewayCore core, TimeProvider timeProvider, ILogger<IdempotentRequests> logger)
{
    private readonly ConcurrentDictionary<(long Customer, string Key), byte> _running = new();

    /// <summary>A key is 1 to 255 visible ASCII characters.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= NativeApiLimits.MaxIdempotencyKeyLength && !key.AsSpan().ContainsAnyExceptInRange('!', '~');

    /// <summary>The fingerprint of a request: what "the same request" means.</summary>
    public static string Fingerprint(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method + " " + path + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Looks the key up. When <see cref="IdempotencyCheck.Started"/>, the key is held until <see cref="End"/>
    /// (call it in a finally); when <see cref="IdempotencyCheck.Replay"/>, the kept answer is returned.
    /// </summary>
    public async ValueTask<(IdempotencyCheck Check, RequestRecord? Kept)> BeginAsync(long customerId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd((customerId, key), 0))
        {
            return (IdempotencyCheck.InUse, null);
        }

        try
        {
            var kept = await core.Store.Messages.FindRequestAsync(customerId, StoredKey(key), cancellationToken);
            if (kept is not null && kept.CreatedAt + NativeApiLimits.IdempotencyKeyLifetime > timeProvider.GetUtcNow())
            {
                End(customerId, key);
                return (kept.Fingerprint == fingerprint ? IdempotencyCheck.Replay : IdempotencyCheck.Reused, kept);
            }
        }
        catch
        {
            End(customerId, key);
            throw;
        }

        return (IdempotencyCheck.Started, null);
    }

    /// <summary>Keeps the answer of a started request; committed before it returns, so a retry finds it.</summary>
    public async ValueTask RememberAsync(long customerId, string key, string fingerprint, int statusCode, string response)
    {
        try
        {
            await core.Writer.WriteAsync(new RememberRequest(new RequestRecord
            {
                CustomerId = customerId,
                Key = StoredKey(key),
                Fingerprint = fingerprint,
                StatusCode = statusCode,
                Response = response,
                CreatedAt = timeProvider.GetUtcNow(),
            }));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The messages are stored; only the replay is lost. A retry would send them again, so say so loudly.
            logger.LogError(e, "Could not keep the answer of idempotency key {Key} of customer {CustomerId}", key, customerId);
        }
    }

    /// <summary>Lets the key go (the request ended, answered or not).</summary>
    public void End(long customerId, string key) => _running.TryRemove((customerId, key), out _);

    private static string StoredKey(string key) => "idem:" + key;
}
