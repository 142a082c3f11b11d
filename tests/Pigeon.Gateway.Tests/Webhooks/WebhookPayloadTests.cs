using System.Text.Json;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Webhooks;

namespace Pigeon.Gateway.Tests.Webhooks;

public sealed class WebhookPayloadTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void Message_status_body_carries_the_message_its_status_in_both_vocabularies_and_the_price()
    {
        var body = Render(new DueWebhook
        {
            EventId = 42,
            CustomerId = 1,
            Kind = WebhookEventKind.MessageStatus,
            MessageId = new MessageId(123456789012345),
            Status = MessageStatus.Undeliverable,
            Error = "001",
            OccurredAt = At,
            Message = new WebhookMessageData { ClientReference = "order-7", To = "491701234567", From = "Pigeon", Segments = 2, Charge = 0.10m, Currency = "EUR" },
        });

        Assert.Equal("42", body.GetProperty("id").GetString());
        Assert.Equal("message.status", body.GetProperty("type").GetString());
        Assert.Equal("2025-03-04T05:06:07.890000Z", body.GetProperty("created").GetString());
        var data = body.GetProperty("data");
        Assert.Equal("123456789012345", data.GetProperty("message_id").GetString());
        Assert.Equal("order-7", data.GetProperty("client_reference").GetString());
        Assert.Equal(("491701234567", "Pigeon"), (data.GetProperty("to").GetString(), data.GetProperty("from").GetString()));
        Assert.Equal(("undeliverable", "UNDELIV", "001"), (data.GetProperty("status").GetString(), data.GetProperty("smpp_stat").GetString(), data.GetProperty("error").GetString()));
        Assert.Equal(2, data.GetProperty("segments").GetInt32());
        Assert.Equal(0.10m, data.GetProperty("price").GetDecimal());
        Assert.Equal("EUR", data.GetProperty("currency").GetString());
        Assert.Equal("2025-03-04T05:06:07.890000Z", data.GetProperty("done_at").GetString());
    }

    [Fact]
    public void Enroute_body_has_no_done_time()
    {
        var body = Render(new DueWebhook
        {
            EventId = 1,
            CustomerId = 1,
            Kind = WebhookEventKind.MessageStatus,
            MessageId = new MessageId(5),
            Status = MessageStatus.Enroute,
            OccurredAt = At,
            Message = new WebhookMessageData { To = "491701234567", From = "Pigeon", Segments = 1, Charge = 0m, Currency = "EUR" },
        });

        Assert.Equal(("enroute", "ENROUTE"), (body.GetProperty("data").GetProperty("status").GetString(), body.GetProperty("data").GetProperty("smpp_stat").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("done_at").ValueKind);
    }

    [Fact]
    public void Mo_body_decodes_the_text_after_its_user_data_header()
    {
        // UCS-2 "Hi" after a concatenation UDH (05 00 03 2A 02 01), esm_class UDHI.
        var body = Render(Mo(0x40, 0x08, [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x00, 0x48, 0x00, 0x69]));

        var data = body.GetProperty("data");
        Assert.Equal("mo.received", body.GetProperty("type").GetString());
        Assert.Equal(("7", "447911555000", "447911000123"), (data.GetProperty("mo_id").GetString(), data.GetProperty("from").GetString(), data.GetProperty("to").GetString()));
        Assert.Equal(("Hi", "ucs2"), (data.GetProperty("text").GetString(), data.GetProperty("encoding").GetString()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("binary_base64").ValueKind);
        Assert.Equal("2025-03-04T05:06:07.890000Z", data.GetProperty("received_at").GetString());
    }

    [Fact]
    public void Mo_body_of_binary_content_has_no_text_and_the_octets_in_base64()
    {
        var data = Render(Mo(0x00, 0x04, [0x01, 0x02, 0xFF])).GetProperty("data");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("text").ValueKind);
        Assert.Equal(("binary", "AQL/"), (data.GetProperty("encoding").GetString(), data.GetProperty("binary_base64").GetString()));
    }

    [Fact]
    public void Every_rendering_of_an_event_is_the_same_bytes()
    {
        var webhook = Mo(0x00, 0x00, [0x48, 0x69]);

        Assert.Equal(WebhookPayload.Render(webhook), WebhookPayload.Render(webhook with { Attempts = 3 }));
    }

    private static DueWebhook Mo(byte esmClass, byte dataCoding, byte[] body) => new()
    {
        EventId = 9,
        CustomerId = 1,
        Kind = WebhookEventKind.MoReceived,
        MoId = 7,
        OccurredAt = At,
        Mo = new WebhookMoData { From = "447911555000", To = "447911000123", EsmClass = esmClass, DataCoding = dataCoding, Body = body },
    };

    private static JsonElement Render(DueWebhook webhook) => JsonDocument.Parse(WebhookPayload.Render(webhook)).RootElement;
}
