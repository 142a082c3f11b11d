namespace Pigeon.Gateway.Accounts;

/// <summary>
/// A key for the HTTP APIs. It acts for one customer, or for the operator when <see cref="CustomerId"/> is null.
/// The store keeps the public <see cref="Prefix"/> (to find the key and to show it in lists) and a hash of the
/// whole token, never the token itself (see <see cref="Security.ApiKeyToken"/>).
/// </summary>
public sealed record ApiKey
{
    public required long Id { get; init; }

    /// <summary>The customer the key acts for; null for an operator key.</summary>
    public long? CustomerId { get; init; }

    /// <summary>A label the owner chose ("billing server"), not secret.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The token's public beginning, unique: <c>pgn_</c> and eight characters.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Addresses or CIDR ranges requests with this key may come from; empty allows any.</summary>
    public IReadOnlyList<string> AllowedIps { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key stopped working; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When the key was last accepted, to the minute or so (uses are written in batches).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>True while not revoked.</summary>
    public bool Active => RevokedAt is null;
}
