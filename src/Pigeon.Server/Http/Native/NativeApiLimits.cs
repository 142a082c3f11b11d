namespace Pigeon.Server.Http.Native;

/// <summary>
/// The native API's published limits (docs/http-api.md, "Limits"). Changing one is an API change: raise them only.
/// The request body limit is the listener's (<see cref="Options.HttpListenerOptions.MaxRequestBodyBytes"/>).
/// </summary>
internal static class NativeApiLimits
{
    /// <summary>Messages one request may create, recipients of every message counted (422 batch_too_large above).</summary>
    public const int MaxMessagesPerRequest = 1000;

    /// <summary>Characters of an <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>Characters of a <c>client_reference</c>.</summary>
    public const int MaxClientReferenceLength = 128;

    /// <summary>Characters of a <c>callback_url</c>.</summary>
    public const int MaxCallbackUrlLength = 2048;

    /// <summary>The longest <c>validity</c> in seconds: seven days, the gateway's longest validity.</summary>
    public const int MaxValiditySeconds = 7 * 24 * 3600;

    /// <summary>Characters of <c>text</c> taken at all; what fits in the most segments is the planner's rule.</summary>
    public const int MaxTextLength = 40_000;

    /// <summary>Messages per page of a list when <c>limit</c> is not given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page of a list.</summary>
    public const int MaxPageSize = 500;

    /// <summary>How long an idempotency key's first answer is kept.</summary>
    public static readonly TimeSpan IdempotencyKeyLifetime = TimeSpan.FromHours(24);
}
