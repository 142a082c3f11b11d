using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pigeon.Server.Options;

namespace Pigeon.Server.Http;

/// <summary>
/// The per-key request rate of every HTTP front end: a token bucket per API key, refilled at
/// <see cref="HttpListenerOptions.RequestsPerSecondPerKey"/> up to <see cref="HttpListenerOptions.RequestBurstPerKey"/>,
/// read from the injected <see cref="TimeProvider"/>. A refused request learns when a token will be there
/// (for Retry-After). A lock per key, held for a few arithmetic operations.
/// </summary>
internal sealed class ApiRequestLimiter
{
    private readonly ConcurrentDictionary<long, Bucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _burst;

    public ApiRequestLimiter(IOptions<PigeonOptions> options, TimeProvider timeProvider)
    {
        _time = timeProvider;
        _rate = options.Value.Http.RequestsPerSecondPerKey;
        _burst = options.Value.Http.RequestBurstPerKey;
    }

    /// <summary>Takes one request of key <paramref name="keyId"/>; false with the wait until the next one is allowed.</summary>
    public bool TryTake(long keyId, out TimeSpan retryAfter)
    {
        var bucket = _buckets.GetOrAdd(keyId, static (_, burst) => new Bucket(burst), _burst);
        var now = _time.GetTimestamp();
        lock (bucket)
        {
            var elapsed = bucket.At == 0 ? 0 : _time.GetElapsedTime(bucket.At, now).TotalSeconds;
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (elapsed * _rate));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - bucket.Tokens) / _rate);
            return false;
        }
    }

    private sealed class Bucket(double tokens)
    {
        public double Tokens = tokens;
        public long At;
    }
}
