using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>What became of one recipient of a send request: accepted (with id, segments, encoding, price) or refused (with code).</summary>
internal sealed record MessageResult
{
    [JsonPropertyName("id")]
    [Description("The message's id (decimal string); only when accepted.")]
    public string? Id { get; init; }

    [JsonPropertyName("to")]
    [Description("The destination: in E.164 as normalised when accepted, as given when refused.")]
    public required string To { get; init; }

    [JsonPropertyName("status")]
    [Description("accepted: stored and charged, it will be sent. refused: nothing stored or charged (see code). failed: not stored because of a server error, nothing charged; retry.")]
    public required string Status { get; init; }

    [JsonPropertyName("code")]
    [Description("Why it was refused or failed: a stable code of the error table.")]
    public string? Code { get; init; }

    [JsonPropertyName("detail")]
    [Description("Why, in words.")]
    public string? Detail { get; init; }

    [JsonPropertyName("segments")]
    [Description("SMS segments it travels in and is charged for.")]
    public int? Segments { get; init; }

    [JsonPropertyName("encoding")]
    [Description("gsm7, ucs2 or latin1.")]
    public string? Encoding { get; init; }

    [JsonPropertyName("price")]
    [Description("What was charged, a decimal string (segments × price_per_segment).")]
    public string? Price { get; init; }

    [JsonPropertyName("price_per_segment")]
    public string? PricePerSegment { get; init; }

    [JsonPropertyName("currency")]
    [Description("ISO 4217 currency of the price.")]
    public string? Currency { get; init; }

    [JsonPropertyName("client_reference")]
    public string? ClientReference { get; init; }

    [JsonPropertyName("send_at")]
    [Description("When it will be sent, when scheduled.")]
    public DateTimeOffset? SendAt { get; init; }

    [JsonPropertyName("valid_until")]
    [Description("When it expires if not delivered by then.")]
    public DateTimeOffset? ValidUntil { get; init; }
}
