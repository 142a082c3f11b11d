namespace Pigeon.Gateway.Storage;

/// <summary>A mobile-originated message (or one part of it) from a supplier, kept until its customer takes it.</summary>
public sealed record MoRecord
{
    public long Id { get; init; }

    public required long SupplierId { get; init; }

    /// <summary>The handset it came from.</summary>
    public required string Source { get; init; }

    public byte SourceTon { get; init; }

    public byte SourceNpi { get; init; }

    /// <summary>The inbound number it was sent to.</summary>
    public required string Destination { get; init; }

    public byte EsmClass { get; init; }

    public byte DataCoding { get; init; }

    /// <summary>short_message (or message_payload) octets as received, a UDH included.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The customer owning <see cref="Destination"/>; null when no one does.</summary>
    public long? CustomerId { get; init; }

    /// <summary>The SMPP account to deliver to; null for any bound receiver of the customer.</summary>
    public long? SmppAccountId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }
}
