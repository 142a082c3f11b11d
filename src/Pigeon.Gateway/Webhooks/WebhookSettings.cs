namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// A customer's webhook endpoints and the secret Pigeon signs every request to them with. The secret is stored as
/// given (the gateway must be able to sign with it, so it cannot be kept as a one-way hash): shown to the customer
/// once when created or rotated, never logged, and readable only by whoever can read the database.
/// </summary>
public sealed record WebhookSettings
{
    public required long CustomerId { get; init; }

    /// <summary>Where message.status events go (unless a message names its own callback URL); null: none sent.</summary>
    public string? ReceiptsUrl { get; init; }

    /// <summary>Where mo.received events go; null: none sent.</summary>
    public string? MoUrl { get; init; }

    /// <summary>The signing secret (see <see cref="WebhookSignature"/>).</summary>
    public required string Secret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
