using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Receipts;

/// <summary>
/// An SMSC delivery receipt (SMPP v3.4 Appendix B), carried in deliver_sm with esm_class message type "SMSC
/// delivery receipt". The short_message text is, by convention:
/// <code>
/// id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...
///
/// id     the message id submit_sm_resp returned (kept raw: hex, decimal or other)
/// sub    messages originally submitted        dlvrd  messages delivered
/// stat   DELIVRD EXPIRED DELETED UNDELIV ACCEPTD UNKNOWN REJECTD ENROUTE
/// err    network or SMSC specific error       text   the first 20 characters of the message
/// </code>
/// SMPP v3.4 also defines the receipted_message_id, message_state and network_error_code TLVs (sections
/// 5.3.2.12, 5.3.2.35, 5.3.2.31); <see cref="TryParse(DeliverSm, out DeliveryReceipt?)"/> prefers them to the text.
/// </summary>
public sealed record DeliveryReceipt
{
    /// <summary>Characters of the original message a receipt quotes.</summary>
    public const int MaxTextLength = 20;

    /// <summary>The message id, exactly as written; see <see cref="ReceiptMessageId"/> for matching.</summary>
    public required string MessageId { get; init; }

    /// <summary>sub: messages originally submitted (1 when building and unset).</summary>
    public int? Submitted { get; init; }

    /// <summary>dlvrd: messages delivered (1 if delivered, else 0, when building and unset).</summary>
    public int? Delivered { get; init; }

    /// <summary>submit date, as the SMSC's local time it is written in.</summary>
    public DateTime? SubmitDate { get; init; }

    /// <summary>done date: when the message reached its final state.</summary>
    public DateTime? DoneDate { get; init; }

    /// <summary>The state stat names (or the message_state TLV gives), when known.</summary>
    public MessageState? State { get; init; }

    /// <summary>The stat word exactly as received; when building and unset, written from <see cref="State"/>.</summary>
    public string? StatusText { get; init; }

    /// <summary>err, exactly as received ("000", "0x0B", ...); "000" when building and unset.</summary>
    public string? Error { get; init; }

    /// <summary>text: the start of the original message; clipped to 20 characters when building.</summary>
    public string? Text { get; init; }

    /// <summary>The network_error_code TLV, when present.</summary>
    public NetworkErrorCode? NetworkError { get; init; }

    /// <summary>
    /// The receipt text in the Appendix B layout, dates to the minute. A date that is not set is left out rather
    /// than invented.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder(160);
        var delivered = Delivered ?? (State == MessageState.Delivered ? 1 : 0);
        text.Append(CultureInfo.InvariantCulture, $"id:{MessageId} sub:{Submitted ?? 1:D3} dlvrd:{delivered:D3}");
        if (SubmitDate is { } submit)
        {
            text.Append(CultureInfo.InvariantCulture, $" submit date:{submit:yyMMddHHmm}");
        }

        if (DoneDate is { } done)
        {
            text.Append(CultureInfo.InvariantCulture, $" done date:{done:yyMMddHHmm}");
        }

        text.Append(" stat:").Append(StatusText ?? ReceiptStat.ToText(State ?? MessageState.Unknown));
        text.Append(" err:").Append(Error ?? "000");
        text.Append(" text:").Append(Clip(Text));
        return text.ToString();
    }

    /// <summary>
    /// A deliver_sm carrying this receipt: esm_class "SMSC delivery receipt", the text in short_message (ISO-8859-1
    /// octets under data_coding 0, as SMSCs send receipts; message_payload if over 254 octets), and the
    /// receipted_message_id, message_state and (when set) network_error_code TLVs.
    /// </summary>
    /// <param name="source">source_addr: the handset the original message went to.</param>
    /// <param name="destination">destination_addr: the original sender.</param>
    public DeliverSm ToDeliverSm(SmppAddress source, SmppAddress destination)
    {
        var bytes = Encoding.Latin1.GetBytes(ToText());
        var pdu = new DeliverSm
        {
            Source = source,
            Destination = destination,
            EsmClass = EsmClass.DeliveryReceipt,
            DataCoding = DataCoding.SmscDefault.Value,
        };
        if (bytes.Length <= ShortMessageRequest.MaxShortMessageLength)
        {
            pdu.ShortMessage = bytes;
        }
        else
        {
            pdu.MessagePayload = bytes;
        }

        pdu.ReceiptedMessageId = MessageId;
        pdu.MessageState = State ?? (StatusText is null ? null : ReceiptStat.Parse(StatusText)) ?? MessageState.Unknown;
        if (NetworkError is { } error)
        {
            pdu.NetworkErrorCode = error.ToBytes();
        }

        return pdu;
    }

    /// <summary>Parses receipt text; see <see cref="TryParse(ReadOnlySpan{char}, out DeliveryReceipt?)"/>.</summary>
    /// <exception cref="FormatException">The text has no id field.</exception>
    public static DeliveryReceipt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var receipt) ? receipt : throw new FormatException("Not a delivery receipt: no id field.");
    }

    /// <summary>
    /// Parses receipt text leniently: keys in any case and order, fields missing, "submit_date" for "submit date",
    /// extra spaces, dates with or without seconds, unknown fields ignored. Only the id is required.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out DeliveryReceipt? receipt)
    {
        receipt = ReceiptTextParser.Parse(text);
        return receipt is not null;
    }

    /// <summary>
    /// Reads a receipt from deliver_sm. The receipted_message_id, message_state and network_error_code TLVs win
    /// over the text when present; the text (short_message, else message_payload; UCS-2 if data_coding says so,
    /// ISO-8859-1 otherwise) supplies the rest. Fails only if neither gives a message id. esm_class is not checked,
    /// since some SMSCs mark receipts wrongly; callers may check <see cref="DeliverSm.IsDeliveryReceipt"/>.
    /// </summary>
    public static bool TryParse(DeliverSm deliverSm, [NotNullWhen(true)] out DeliveryReceipt? receipt)
    {
        ArgumentNullException.ThrowIfNull(deliverSm);
        var content = deliverSm.Content.Span;
        var text = new DataCoding(deliverSm.DataCoding).Encoding == SmsEncoding.Ucs2
            ? SmsText.Decode(SmsEncoding.Ucs2, content)
            : SmsText.Decode(SmsEncoding.Latin1, content);
        var fromText = ReceiptTextParser.Parse(text);
        var id = deliverSm.ReceiptedMessageId is { Length: > 0 } tlvId ? tlvId : fromText?.MessageId;
        if (id is null)
        {
            receipt = null;
            return false;
        }

        var network = deliverSm.NetworkErrorCode is { } value ? NetworkErrorCode.FromBytes(value.Span) : null;
        receipt = (fromText ?? new DeliveryReceipt { MessageId = id }) with
        {
            MessageId = id,
            State = deliverSm.MessageState ?? fromText?.State,
            NetworkError = network,
        };
        return true;
    }

    private static string Clip(string? text)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return text ?? string.Empty;
        }

        var length = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return text[..length];
    }
}
