namespace Pigeon.Server.Http.Native;

/// <summary>What <see cref="IdempotentRequests.BeginAsync"/> found for a request's <c>Idempotency-Key</c>.</summary>
internal enum IdempotencyCheck
{
    /// <summary>The key is new: the request runs, holding the key until its answer is kept.</summary>
    Started,

    /// <summary>The same request was answered before: replay that answer.</summary>
    Replay,

    /// <summary>The key was used for a different request: 422 idempotency_key_reused.</summary>
    Reused,

    /// <summary>Another request with the key is running now: 409 idempotency_key_in_use.</summary>
    InUse,
}
