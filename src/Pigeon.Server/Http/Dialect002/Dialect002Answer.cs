namespace Pigeon.Server.Http.Dialect002;

/// <summary>What a dialect 002 request is answered: the HTTP status, the body, and Retry-After when throttled.</summary>
internal readonly record struct Dialect002Answer(int HttpStatus, SmsResponse Body, TimeSpan? RetryAfter = null)
{
    /// <summary>A request refused as a whole with <paramref name="code"/>, at its usual HTTP status unless given.</summary>
    public static Dialect002Answer Failed(int code, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new(httpStatus ?? ApiStatus.HttpStatus(code), SmsResponse.Failed(code), retryAfter);
}
