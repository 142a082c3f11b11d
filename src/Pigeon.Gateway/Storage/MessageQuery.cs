using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// A page of a customer's messages, newest first. Keyset pagination: pass the previous page's
/// <see cref="MessagePage.Next"/> as <see cref="Before"/>.
/// </summary>
public sealed record MessageQuery
{
    public required long CustomerId { get; init; }

    /// <summary>Only messages to this destination (E.164 digits).</summary>
    public string? Destination { get; init; }

    /// <summary>Only messages created at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only messages created before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    public MessageStatus? Status { get; init; }

    /// <summary>Only messages with an id below this one (the cursor).</summary>
    public MessageId? Before { get; init; }

    /// <summary>Page size, 1..1000.</summary>
    public int Limit { get; init; } = 100;
}
