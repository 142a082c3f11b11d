using Pigeon.Gateway.Identity;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// One part to submit to a supplier, with everything the submit_sm needs and where to fail over to. Built from
/// stored state (a <see cref="Messages.MessagePart"/> and its message), so a restart rebuilds the same items.
/// </summary>
public sealed record DispatchItem
{
    public required MessageId PartId { get; init; }

    public required MessageId MessageId { get; init; }

    public required SmppAddress Source { get; init; }

    public required SmppAddress Destination { get; init; }

    public byte EsmClass { get; init; }

    public byte DataCoding { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public ushort? SarReference { get; init; }

    public byte? SarTotalSegments { get; init; }

    public byte? SarSegmentNumber { get; init; }

    /// <summary>validity_period in SMPP absolute time format, or empty.</summary>
    public string ValidityPeriod { get; init; } = string.Empty;

    /// <summary>The supplier to submit to now.</summary>
    public required long SupplierId { get; init; }

    /// <summary>Suppliers to try next, in order, when this one fails temporarily for too long.</summary>
    public IReadOnlyList<long> FailoverSupplierIds { get; init; } = [];

    /// <summary>Attempts already made (across restarts).</summary>
    public int Attempts { get; init; }
}
