using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// Builds <see cref="SubmissionRequest"/>s from the SMPP requests that carry a message to send: submit_sm (section
/// 4.4.1), data_sm (4.7.1) and each SME destination of submit_multi (4.5.1). The content is short_message, or
/// message_payload when short_message is empty; user_message_reference becomes the client reference. Only the
/// time fields can fail here (a malformed schedule_delivery_time or validity_period); everything else is judged
/// by <see cref="SubmissionValidator"/> and the planner.
/// </summary>
public static class SubmissionRequests
{
    /// <summary>The request a submit_sm makes; false with the refusal when a time field is malformed.</summary>
    public static bool TryCreate(SubmitSm pdu, DateTimeOffset now, [NotNullWhen(true)] out SubmissionRequest? request, [NotNullWhen(false)] out SubmissionRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        return TryCreate(pdu, pdu.Destination, pdu.Content, pdu.ScheduleDeliveryTime, pdu.ValidityPeriod, now, out request, out refusal);
    }

    /// <summary>The request for one destination of a submit_multi; false with the refusal when a time field is malformed.</summary>
    public static bool TryCreate(SubmitMulti pdu, SmppAddress destination, DateTimeOffset now, [NotNullWhen(true)] out SubmissionRequest? request, [NotNullWhen(false)] out SubmissionRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        return TryCreate(pdu, destination, pdu.Content, pdu.ScheduleDeliveryTime, pdu.ValidityPeriod, now, out request, out refusal);
    }

    /// <summary>The request a data_sm makes (it has no schedule or validity fields).</summary>
    public static SubmissionRequest Create(DataSm pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        TryCreate(pdu, pdu.Destination, pdu.Content, string.Empty, string.Empty, default, out var request, out _);
        return request!;
    }

    private static bool TryCreate(
        MessageRequest pdu,
        SmppAddress destination,
        ReadOnlyMemory<byte> content,
        string schedule,
        string validity,
        DateTimeOffset now,
        [NotNullWhen(true)] out SubmissionRequest? request,
        [NotNullWhen(false)] out SubmissionRefusal? refusal)
    {
        request = null;
        if (!SmppTime.TryParse(schedule, now, out var scheduledAt))
        {
            refusal = new SubmissionRefusal(RefusalReason.InvalidSchedule, $"schedule_delivery_time \"{schedule}\" is not an SMPP time.");
            return false;
        }

        if (!SmppTime.TryParse(validity, now, out var validUntil))
        {
            refusal = new SubmissionRefusal(RefusalReason.InvalidValidity, $"validity_period \"{validity}\" is not an SMPP time.");
            return false;
        }

        request = new SubmissionRequest
        {
            Source = pdu.Source,
            Destination = destination,
            DataCoding = pdu.DataCoding,
            Content = content,
            EsmClass = pdu.EsmClass,
            SarReference = pdu.SarMessageReference,
            SarTotalSegments = pdu.SarTotalSegments,
            SarSegmentNumber = pdu.SarSegmentSequenceNumber,
            RegisteredDelivery = pdu.RegisteredDelivery,
            ScheduledAt = scheduledAt,
            ValidUntil = validUntil,
            ClientReference = pdu.UserMessageReference is { } reference
                ? reference.ToString(CultureInfo.InvariantCulture)
                : null,
        };
        refusal = null;
        return true;
    }
}
