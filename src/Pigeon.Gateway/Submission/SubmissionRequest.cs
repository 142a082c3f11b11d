using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Submission;

/// <summary>
/// One message to one destination as a front end received it, before any checking: the SMPP server builds it from
/// submit_sm, data_sm or each destination of submit_multi (see <see cref="SubmissionRequests"/>), the HTTP front
/// ends from their JSON or XML. The content is either octets with their data_coding (SMPP) or text (HTTP).
/// </summary>
public sealed record SubmissionRequest
{
    /// <summary>The source as given: TON, NPI and the address (a number or an alphanumeric name).</summary>
    public SmppAddress Source { get; init; } = SmppAddress.Empty;

    /// <summary>The destination as given. HTTP front ends leave TON and NPI unknown.</summary>
    public required SmppAddress Destination { get; init; }

    /// <summary>
    /// Text to send (HTTP). When set, <see cref="Content"/> and <see cref="DataCoding"/> are ignored: the text is
    /// encoded in <see cref="TextEncoding"/>, or in the cheapest alphabet, and split as needed.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The alphabet to encode <see cref="Text"/> in; null chooses GSM 7-bit when it fits, else UCS-2.</summary>
    public SmsEncoding? TextEncoding { get; init; }

    /// <summary>data_coding of <see cref="Content"/>.</summary>
    public byte DataCoding { get; init; }

    /// <summary>
    /// The content octets (SMPP): short_message, or message_payload when short_message was empty. GSM 7-bit
    /// content is one septet per octet, as SMPP carries it; it starts with the user data header when UDHI is set.
    /// </summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>esm_class as given: messaging mode, message type, UDHI and reply path.</summary>
    public EsmClass EsmClass { get; init; }

    /// <summary>sar_msg_ref_num, when the customer sends one part of a message tied by SAR TLVs.</summary>
    public ushort? SarReference { get; init; }

    /// <summary>sar_total_segments.</summary>
    public byte? SarTotalSegments { get; init; }

    /// <summary>sar_segment_seqnum, 1-based.</summary>
    public byte? SarSegmentNumber { get; init; }

    /// <summary>registered_delivery: which receipt the customer wants.</summary>
    public RegisteredDelivery RegisteredDelivery { get; init; }

    /// <summary>When the message expires; null for the gateway's default validity.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>When to send it; null (or a time already past) for now.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The customer's own reference, if any (HTTP client reference, SMPP user_message_reference).</summary>
    public string? ClientReference { get; init; }

    /// <summary>
    /// Where this message's status webhooks go instead of the customer's receipts URL (the native API's per-message
    /// option); null for the customer's URL. Checked with <see cref="Webhooks.WebhookUrl.Check"/>.
    /// </summary>
    public string? CallbackUrl { get; init; }
}
