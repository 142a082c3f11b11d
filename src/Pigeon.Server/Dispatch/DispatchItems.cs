using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Submission;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Server.Dispatch;

/// <summary>Builds <see cref="DispatchItem"/>s from stored parts, the same way at acceptance and after a restart.</summary>
internal static class DispatchItems
{
    /// <summary>The item for <paramref name="part"/> of <paramref name="message"/>, failing over along <paramref name="failover"/>.</summary>
    public static DispatchItem Create(MessageRecord message, MessagePart part, IReadOnlyList<long> failover) => new()
    {
        PartId = part.Id,
        MessageId = message.Id,
        Source = new SmppAddress((TypeOfNumber)message.SourceTon, (NumberingPlan)message.SourceNpi, message.Source),
        Destination = SmppAddress.International(message.Destination),
        EsmClass = part.EsmClass,
        DataCoding = part.DataCoding,
        Body = part.Body,
        SarReference = part.SarReference,
        SarTotalSegments = part.SarTotalSegments,
        SarSegmentNumber = part.SarSegmentNumber,
        ValidityPeriod = message.ValidUntil is { } until ? SmppTime.FormatAbsolute(until) : string.Empty,
        SupplierId = part.SupplierId ?? message.SupplierId ?? 0,
        FailoverSupplierIds = failover,
        Attempts = part.Attempts,
    };

    /// <summary>
    /// The suppliers after <paramref name="current"/> in <paramref name="candidates"/> (a route's failover order,
    /// chosen supplier first): where a part already moved along its route fails over to next.
    /// </summary>
    public static IReadOnlyList<long> After(long current, IReadOnlyList<long> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] == current)
            {
                return i + 1 == candidates.Count ? [] : [.. candidates.Skip(i + 1)];
            }
        }

        return [.. candidates.Where(id => id != current)];
    }
}
