using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>The body of <c>/api/v3/send-sms</c> (seed document 4.1.1), or its query parameters on GET.</summary>
internal sealed record SingleSmsRequest
{
    [JsonPropertyName("api_token")]
    public string? ApiToken { get; init; }

    [JsonPropertyName("sid")]
    public string? Sid { get; init; }

    [JsonPropertyName("msisdn")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Msisdn { get; init; }

    [JsonPropertyName("sms")]
    public string? Sms { get; init; }

    [JsonPropertyName("csms_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? CsmsId { get; init; }
}
