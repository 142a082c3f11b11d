using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Routing;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// An accepted submission, ready to store: everything checked, the destination normalised, the content cut into
/// the parts to send, the route chosen, the charge reserved in the <see cref="BalanceBook"/>. The caller stores it
/// (<see cref="ToMessageRecord"/>, <see cref="ToMessageParts"/>) and then keeps the reservation, or refunds it with
/// <see cref="BalanceBook.Refund(BalanceReservation)"/> if the store did not commit.
/// </summary>
public sealed record SubmissionPlan
{
    public required long CustomerId { get; init; }

    /// <summary>The SMPP account it came in on; null for HTTP.</summary>
    public long? SmppAccountId { get; init; }

    /// <summary>The source as it will be sent.</summary>
    public required SmppAddress Source { get; init; }

    /// <summary>E.164 digits without '+', or a short code as given.</summary>
    public required string Destination { get; init; }

    public required NumberKind DestinationKind { get; init; }

    /// <summary>data_coding every part is sent with.</summary>
    public required byte DataCoding { get; init; }

    /// <summary>The alphabet the segments were counted in.</summary>
    public required SmsEncoding Encoding { get; init; }

    /// <summary>Segments charged for: one per part.</summary>
    public required int Segments { get; init; }

    public required IReadOnlyList<PlannedPart> Parts { get; init; }

    /// <summary>The route chosen and the suppliers to fail over to.</summary>
    public required RouteSelection Route { get; init; }

    public required Charge Charge { get; init; }

    /// <summary>What was taken from the balance; refund it if the store does not commit.</summary>
    public required BalanceReservation Reservation { get; init; }

    public RegisteredDelivery RegisteredDelivery { get; init; }

    /// <summary>When the message expires: as asked, cut to the longest validity, or the default.</summary>
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>When to send it; null for now.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    public string? ClientReference { get; init; }

    /// <summary>The message's own status webhook URL, if any.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>The message as stored, with id <paramref name="id"/>, accepted at <paramref name="createdAt"/>.</summary>
    public MessageRecord ToMessageRecord(MessageId id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        CustomerId = CustomerId,
        SmppAccountId = SmppAccountId,
        Source = Source.Value,
        SourceTon = (byte)Source.Ton,
        SourceNpi = (byte)Source.Npi,
        Destination = Destination,
        DataCoding = DataCoding,
        Segments = Segments,
        PartCount = Parts.Count,
        ClientReference = ClientReference,
        CallbackUrl = CallbackUrl,
        RegisteredDelivery = (byte)RegisteredDelivery,
        ValidUntil = ValidUntil,
        ScheduledAt = ScheduledAt,
        RouteId = Route.Route.Id,
        SupplierId = Route.Supplier.Id,
        PricePerSegment = Charge.PricePerSegment,
        Charge = Charge.Amount,
        Currency = Charge.Currency,
        Status = MessageStatus.Accepted,
        CreatedAt = createdAt,
    };

    /// <summary>
    /// The parts as stored. A single part takes the message's own id; parts of a longer message take new ids from
    /// <paramref name="ids"/>.
    /// </summary>
    public IReadOnlyList<MessagePart> ToMessageParts(MessageId messageId, MessageIdGenerator ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var parts = new MessagePart[Parts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Parts[i];
            parts[i] = new MessagePart
            {
                Id = parts.Length == 1 ? messageId : ids.Next(),
                MessageId = messageId,
                PartNumber = part.Number,
                Body = part.Body,
                EsmClass = (byte)part.EsmClass,
                DataCoding = part.DataCoding,
                SarReference = part.SarReference,
                SarTotalSegments = part.SarTotalSegments,
                SarSegmentNumber = part.SarSegmentNumber,
                SupplierId = Route.Supplier.Id,
                Status = MessageStatus.Accepted,
            };
        }

        return parts;
    }
}
