using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Messages;

/// <summary>
/// One submit_sm's worth of a message: the exact octets to send (a UDH included when the part carries one) and its
/// own dispatch state. A single-part message has one part whose id equals the message's id.
/// </summary>
public sealed record MessagePart
{
    /// <summary>The part's own id; the customer sees it when the part arrived in its own submit_sm.</summary>
    public required MessageId Id { get; init; }

    public required MessageId MessageId { get; init; }

    /// <summary>1-based.</summary>
    public required int PartNumber { get; init; }

    /// <summary>short_message octets as sent to the supplier.</summary>
    public required byte[] Body { get; init; }

    public byte EsmClass { get; init; }

    public byte DataCoding { get; init; }

    /// <summary>SAR TLVs to send with this part, when the part is concatenated that way.</summary>
    public ushort? SarReference { get; init; }

    public byte? SarTotalSegments { get; init; }

    public byte? SarSegmentNumber { get; init; }

    public long? SupplierId { get; init; }

    /// <summary>The supplier's message id from submit_sm_resp, as received.</summary>
    public string? SupplierMessageId { get; init; }

    public MessageStatus Status { get; init; } = MessageStatus.Accepted;

    /// <summary>Submit attempts so far (for back-off and failover).</summary>
    public int Attempts { get; init; }
}
