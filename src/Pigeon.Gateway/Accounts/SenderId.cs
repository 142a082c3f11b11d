namespace Pigeon.Gateway.Accounts;

/// <summary>A source address a customer may send from: an alphanumeric name or a number (E.164 digits).</summary>
public sealed record SenderId
{
    public required long Id { get; init; }

    public required long CustomerId { get; init; }

    /// <summary>The sender as it will appear (alphanumeric at most 11 characters, or digits).</summary>
    public required string Value { get; init; }

    public bool Active { get; init; } = true;
}
