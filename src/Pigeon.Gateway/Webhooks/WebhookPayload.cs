using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Pigeon.Gateway.Messages;
using Pigeon.Smpp.Text;

namespace Pigeon.Gateway.Webhooks;

/// <summary>
/// The JSON body of a webhook request, rendered from stored rows only, so every attempt of an event carries the
/// same bytes. Times are UTC ISO 8601; ids are strings (64-bit ids lose digits in JavaScript numbers).
/// <code>
/// { "id": "42", "type": "message.status", "created": "2025-01-01T12:00:00.000000Z",
///   "data": { "message_id": "…", "client_reference": "…", "to": "4917…", "from": "Pigeon",
///             "status": "delivered", "smpp_stat": "DELIVRD", "error": null, "segments": 1,
///             "price": 0.05, "currency": "EUR", "done_at": "…" } }
/// { "id": "43", "type": "mo.received", "created": "…",
///   "data": { "mo_id": "7", "from": "4917…", "to": "4930…", "text": "hello", "encoding": "gsm7",
///             "binary_base64": null, "received_at": "…" } }
/// </code>
/// "status" is Pigeon's model (enroute, delivered, expired, deleted, undeliverable, rejected, unknown), "smpp_stat"
/// the SMPP receipt word for it; "done_at" is null for enroute. An MO in an alphabet that is not text (binary
/// data_coding) has "text" null and its octets in "binary_base64".
/// </summary>
public static class WebhookPayload
{
    public static byte[] Render(DueWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", webhook.EventId.ToString(CultureInfo.InvariantCulture));
            json.WriteString("type", webhook.Kind.ToWireName());
            json.WriteString("created", Time(webhook.OccurredAt));
            json.WritePropertyName("data");
            switch (webhook.Kind)
            {
                case WebhookEventKind.MessageStatus:
                    WriteMessage(json, webhook);
                    break;
                case WebhookEventKind.MoReceived:
                    WriteMo(json, webhook);
                    break;
                default:
                    throw new ArgumentException($"Unknown event kind {webhook.Kind}.", nameof(webhook));
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The word the body's "status" uses for <paramref name="status"/>.</summary>
    public static string StatusName(MessageStatus status) => status switch
    {
        MessageStatus.Accepted => "accepted",
        MessageStatus.Enroute => "enroute",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Expired => "expired",
        MessageStatus.Deleted => "deleted",
        MessageStatus.Undeliverable => "undeliverable",
        MessageStatus.Rejected => "rejected",
        _ => "unknown",
    };

    /// <summary>The SMPP v3.4 receipt stat word (Appendix B) for <paramref name="status"/>.</summary>
    public static string SmppStat(MessageStatus status) => status switch
    {
        MessageStatus.Accepted => "ACCEPTD",
        MessageStatus.Enroute => "ENROUTE",
        MessageStatus.Delivered => "DELIVRD",
        MessageStatus.Expired => "EXPIRED",
        MessageStatus.Deleted => "DELETED",
        MessageStatus.Undeliverable => "UNDELIV",
        MessageStatus.Rejected => "REJECTD",
        _ => "UNKNOWN",
    };

    private static void WriteMessage(Utf8JsonWriter json, DueWebhook webhook)
    {
        var message = webhook.Message ?? throw new ArgumentException("A message.status event needs its message.", nameof(webhook));
        var status = webhook.Status ?? MessageStatus.Unknown;
        json.WriteStartObject();
        json.WriteString("message_id", webhook.MessageId?.ToString());
        json.WriteString("client_reference", message.ClientReference);
        json.WriteString("to", message.To);
        json.WriteString("from", message.From);
        json.WriteString("status", StatusName(status));
        json.WriteString("smpp_stat", SmppStat(status));
        json.WriteString("error", webhook.Error);
        json.WriteNumber("segments", message.Segments);
        json.WriteNumber("price", message.Charge);
        json.WriteString("currency", message.Currency);
        if (status.IsFinal())
        {
            json.WriteString("done_at", Time(webhook.OccurredAt));
        }
        else
        {
            json.WriteNull("done_at");
        }

        json.WriteEndObject();
    }

    private static void WriteMo(Utf8JsonWriter json, DueWebhook webhook)
    {
        var mo = webhook.Mo ?? throw new ArgumentException("An mo.received event needs its MO.", nameof(webhook));
        var userData = mo.Body.AsSpan();
        // esm_class bit 6 (UDHI, SMPP v3.4 section 5.2.12): the content starts with a user data header.
        if ((mo.EsmClass & 0x40) != 0 && userData.Length > 0 && userData[0] + 1 <= userData.Length)
        {
            userData = userData[(userData[0] + 1)..];
        }

        var encoding = new DataCoding(mo.DataCoding).Encoding;
        json.WriteStartObject();
        json.WriteString("mo_id", webhook.MoId?.ToString(CultureInfo.InvariantCulture));
        json.WriteString("from", mo.From);
        json.WriteString("to", mo.To);
        json.WriteString("text", encoding == SmsEncoding.Binary ? null : SmsText.Decode(encoding, userData));
        json.WriteString("encoding", encoding switch
        {
            SmsEncoding.Gsm7 => "gsm7",
            SmsEncoding.Latin1 => "latin1",
            SmsEncoding.Ucs2 => "ucs2",
            _ => "binary",
        });
        if (encoding == SmsEncoding.Binary)
        {
            json.WriteBase64String("binary_base64", userData);
        }
        else
        {
            json.WriteNull("binary_base64");
        }

        json.WriteString("received_at", Time(webhook.OccurredAt));
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
