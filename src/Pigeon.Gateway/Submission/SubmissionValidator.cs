using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// The checks a submission must pass whoever sends it, before numbers are read or policy is applied. In order:
/// <code>
/// check                                                        refusal (see RefusalReasons for the statuses)
/// esm_class message type (bits 5-2) is 0, a normal message      InvalidEsmClass
/// registered_delivery receipt bits (1-0) are not 11 (reserved)  InvalidRegisteredDelivery
/// callback URL, when given, absolute http(s), no private IP     InvalidCallbackUrl
///   address unless allowed (WebhookUrl)
/// destination present, at most MaxDestinationLength characters  DestinationRequired, DestinationTooLong
/// source present, at most 20 characters (what a submit_sm to  SourceRequired, InvalidSource
///   a supplier can carry, whatever the customer sent it in)
/// source TON 0-6, source NPI a defined value                    InvalidSourceTon, InvalidSourceNpi
/// text: not empty, no UDHI or SAR with it, encodable            EmptyMessage, InvalidEsmClass,
///                                                               InvalidConcatenation, TextNotEncodable
/// octets: data_coding accepted (DataCodingSupport)              UnsupportedDataCoding
///         not empty, at most 65,535 octets                      EmptyMessage, MessageTooLong
///         with UDHI: a well-formed header, and the whole fits   InvalidUserDataHeader, MessageTooLong
///           one SMS (Pigeon does not re-split a customer's part)
///         with SAR TLVs: all three, part number within total,   InvalidConcatenation, MessageTooLong
///           and the part fits one SMS
/// validity after now                                            InvalidValidity
/// schedule at most MaxScheduleAhead from now, before validity   InvalidSchedule
/// </code>
/// </summary>
public sealed class SubmissionValidator
{
    /// <summary>Most characters of source_addr in submit_sm (section 4.4.1: C-octet string of at most 21).</summary>
    public const int MaxSourceLength = 20;

    /// <summary>User data octets of one SMS (3GPP TS 23.040 section 9.2.3.16).</summary>
    private const int UserDataOctets = 140;

    private const int MaxContentOctets = ushort.MaxValue;

    private readonly SubmissionOptions _options;

    /// <summary>Creates a validator enforcing <paramref name="options"/>.</summary>
    public SubmissionValidator(SubmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Null when <paramref name="request"/> passes; otherwise the first check it fails.</summary>
    public SubmissionRefusal? Validate(SubmissionRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (((byte)request.EsmClass & 0x3C) != 0)
        {
            return Refuse(RefusalReason.InvalidEsmClass, $"esm_class 0x{(byte)request.EsmClass:X2} is not a normal message.");
        }

        if (((byte)request.RegisteredDelivery & 0x03) == 0x03)
        {
            return Refuse(RefusalReason.InvalidRegisteredDelivery, "registered_delivery receipt bits 11 are reserved.");
        }

        if (request.CallbackUrl is { } callbackUrl && Webhooks.WebhookUrl.Check(callbackUrl, _options.AllowPrivateCallbackAddresses) is { } problem)
        {
            return Refuse(RefusalReason.InvalidCallbackUrl, problem);
        }

        return ValidateAddresses(request) ?? ValidateContent(request) ?? ValidateTimes(request, now);
    }

    /// <summary>True if octets in <paramref name="encoding"/>, a header of <paramref name="headerOctets"/> included, fit one SMS.</summary>
    internal static bool FitsOneMessage(int contentOctets, SmsEncoding encoding, int headerOctets) => encoding == SmsEncoding.Gsm7
        ? ((headerOctets * 8) + 6) / 7 + (contentOctets - headerOctets) <= UserDataOctets * 8 / 7
        : contentOctets <= UserDataOctets;

    private SubmissionRefusal? ValidateAddresses(SubmissionRequest request)
    {
        var destination = request.Destination.Value ?? string.Empty;
        if (destination.Length == 0)
        {
            return Refuse(RefusalReason.DestinationRequired, "The destination address is empty.");
        }

        if (destination.Length > _options.MaxDestinationLength)
        {
            return Refuse(RefusalReason.DestinationTooLong, $"The destination has {destination.Length} characters; at most {_options.MaxDestinationLength} are accepted.");
        }

        var source = request.Source;
        if (string.IsNullOrEmpty(source.Value))
        {
            return Refuse(RefusalReason.SourceRequired, "The source address is empty; send from one of the account's sender ids.");
        }

        if (source.Value.Length > MaxSourceLength)
        {
            return Refuse(RefusalReason.InvalidSource, $"The source has {source.Value.Length} characters; at most {MaxSourceLength} are allowed.");
        }

        if (source.Ton > TypeOfNumber.Abbreviated)
        {
            return Refuse(RefusalReason.InvalidSourceTon, $"source_addr_ton {(byte)source.Ton} is undefined.");
        }

        return Enum.IsDefined(source.Npi) ? null : Refuse(RefusalReason.InvalidSourceNpi, $"source_addr_npi {(byte)source.Npi} is undefined.");
    }

    private static SubmissionRefusal? ValidateContent(SubmissionRequest request)
    {
        var udhi = (request.EsmClass & EsmClass.UdhIndicator) != 0;
        var sar = request.SarReference.HasValue || request.SarTotalSegments.HasValue || request.SarSegmentNumber.HasValue;
        if (request.Text is { } text)
        {
            if (text.Length == 0)
            {
                return Refuse(RefusalReason.EmptyMessage, "The text is empty.");
            }

            if (udhi)
            {
                return Refuse(RefusalReason.InvalidEsmClass, "UDHI cannot be set for text; Pigeon adds the header when it splits.");
            }

            if (sar)
            {
                return Refuse(RefusalReason.InvalidConcatenation, "SAR parameters cannot be given with text; Pigeon splits it.");
            }

            return request.TextEncoding is { } asked && (asked == SmsEncoding.Binary || !SmsText.CanEncode(text, asked))
                ? Refuse(RefusalReason.TextNotEncodable, $"The text cannot be written in {asked}.")
                : null;
        }

        var content = request.Content.Span;
        if (!DataCodingSupport.IsSupported(request.DataCoding))
        {
            return Refuse(RefusalReason.UnsupportedDataCoding, $"data_coding 0x{request.DataCoding:X2} is reserved or compressed.");
        }

        if (content.IsEmpty)
        {
            return Refuse(RefusalReason.EmptyMessage, "The message is empty.");
        }

        if (content.Length > MaxContentOctets)
        {
            return Refuse(RefusalReason.MessageTooLong, $"The message has {content.Length} octets; at most {MaxContentOctets} are accepted.");
        }

        var encoding = new DataCoding(request.DataCoding).Encoding;
        var header = 0;
        if (udhi && !UserDataHeaderCheck.IsWellFormed(content, out header))
        {
            return Refuse(RefusalReason.InvalidUserDataHeader, "UDHI is set but the content does not start with a well-formed user data header.");
        }

        if (sar)
        {
            if (request.SarReference is null || request.SarTotalSegments is not { } total || request.SarSegmentNumber is not { } number)
            {
                return Refuse(RefusalReason.InvalidConcatenation, "sar_msg_ref_num, sar_total_segments and sar_segment_seqnum go together.");
            }

            if (total == 0 || number == 0 || number > total)
            {
                return Refuse(RefusalReason.InvalidConcatenation, $"Part {number} of {total} is not a part of a message.");
            }
        }

        if ((udhi || sar) && !FitsOneMessage(content.Length, encoding, header))
        {
            return Refuse(RefusalReason.MessageTooLong, "A part of a concatenated message must fit one SMS (140 octets of user data).");
        }

        return null;
    }

    private SubmissionRefusal? ValidateTimes(SubmissionRequest request, DateTimeOffset now)
    {
        if (request.ValidUntil is { } validUntil && validUntil <= now)
        {
            return Refuse(RefusalReason.InvalidValidity, $"The validity period ended at {validUntil:O}, before now.");
        }

        if (request.ScheduledAt is { } scheduledAt)
        {
            if (scheduledAt > now + _options.MaxScheduleAhead)
            {
                return Refuse(RefusalReason.InvalidSchedule, $"Delivery can be scheduled at most {_options.MaxScheduleAhead.TotalDays:0} days ahead.");
            }

            if (request.ValidUntil is { } until && scheduledAt >= until)
            {
                return Refuse(RefusalReason.InvalidSchedule, "The scheduled delivery time is after the validity period ends.");
            }
        }

        return null;
    }

    private static SubmissionRefusal Refuse(RefusalReason reason, string message) => new(reason, message);
}
