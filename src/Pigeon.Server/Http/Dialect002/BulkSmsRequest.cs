using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>The body of <c>/api/v3/send-sms/bulk</c> (seed document 4.2.1): one text to up to 100 numbers.</summary>
internal sealed record BulkSmsRequest
{
    [JsonPropertyName("api_token")]
    public string? ApiToken { get; init; }

    [JsonPropertyName("sid")]
    public string? Sid { get; init; }

    /// <summary>The numbers; the document says it must be an array.</summary>
    [JsonPropertyName("msisdn")]
    [JsonConverter(typeof(StringOrNumberListConverter))]
    public IReadOnlyList<string>? Msisdn { get; init; }

    [JsonPropertyName("sms")]
    public string? Sms { get; init; }

    [JsonPropertyName("batch_csms_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? BatchCsmsId { get; init; }
}
