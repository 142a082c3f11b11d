namespace Pigeon.Gateway.Storage;

/// <summary>
/// What a customer's keyed request produced, kept so a repeat is answered the same and never done twice: an
/// <c>Idempotency-Key</c> of the native API, or a dialect's per-day client reference (002's <c>csms_id</c>). The key
/// carries its own scope ("idem:…", "002:2026-11-23:…"); it is unique per customer.
/// </summary>
public sealed record RequestRecord
{
    public required long CustomerId { get; init; }

    /// <summary>The scoped key, at most 300 characters.</summary>
    public required string Key { get; init; }

    /// <summary>A digest of the request that used the key, so the same key with another request is told apart.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>The HTTP status of the first answer.</summary>
    public int StatusCode { get; init; }

    /// <summary>The first answer's body (JSON or XML), or what the front end needs to rebuild it.</summary>
    public string Response { get; init; } = string.Empty;

    public required DateTimeOffset CreatedAt { get; init; }
}
