using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// One text to one or more numbers: the body of <c>POST /v1/messages</c> and each item of a batch, as read and
/// checked by <see cref="MessageRequestReader"/> (it is also the schema the OpenAPI document shows).
/// </summary>
internal sealed record SendMessageRequest
{
    [JsonPropertyName("to")]
    [Description("The destination: one number, or an array of numbers (one message each). E.164 ('+447911123123'); a national number is read in the account's country.")]
    public required IReadOnlyList<string> To { get; init; }

    [JsonPropertyName("text")]
    [Description("The text. GSM 7-bit when every character fits, otherwise UCS-2; split into as many segments as it needs.")]
    public required string Text { get; init; }

    [JsonPropertyName("from")]
    [Description("The sender: one of the account's sender ids (GET /v1/senders). May be left out when the account has exactly one.")]
    public string? From { get; init; }

    [JsonPropertyName("client_reference")]
    [Description("Your own reference, at most 128 characters; returned with the message and in its webhooks.")]
    public string? ClientReference { get; init; }

    [JsonPropertyName("callback_url")]
    [Description("An absolute http or https URL to receive this message's delivery reports.")]
    public Uri? CallbackUrl { get; init; }

    [JsonPropertyName("validity")]
    [Description("Seconds (1 to 604800) the message may wait for delivery, counted from when it is sent; 48 hours when left out.")]
    public int? Validity { get; init; }

    [JsonPropertyName("send_at")]
    [Description("When to send it (RFC 3339 with an offset), at most 30 days ahead; a time already past sends now.")]
    public DateTimeOffset? SendAt { get; init; }
}
