namespace Pigeon.Gateway.Webhooks;

/// <summary>The message a message.status event is about, as stored (the event carries the status it reports).</summary>
public sealed record WebhookMessageData
{
    public string? ClientReference { get; init; }

    /// <summary>The destination, E.164 digits without '+'.</summary>
    public required string To { get; init; }

    /// <summary>The source as sent.</summary>
    public required string From { get; init; }

    public required int Segments { get; init; }

    /// <summary>What the message was charged (segments × price per segment).</summary>
    public required decimal Charge { get; init; }

    public required string Currency { get; init; }
}
