namespace Pigeon.Gateway.Webhooks;

/// <summary>The mobile-originated message an mo.received event is about, as stored.</summary>
public sealed record WebhookMoData
{
    /// <summary>The handset it came from.</summary>
    public required string From { get; init; }

    /// <summary>The inbound number it was sent to.</summary>
    public required string To { get; init; }

    public byte EsmClass { get; init; }

    public byte DataCoding { get; init; }

    /// <summary>short_message octets as received, a UDH included.</summary>
    public required byte[] Body { get; init; }
}
