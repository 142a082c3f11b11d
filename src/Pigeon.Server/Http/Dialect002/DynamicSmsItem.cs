using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>One message of a dynamic request (seed document 4.3.2).</summary>
internal sealed record DynamicSmsItem
{
    [JsonPropertyName("msisdn")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Msisdn { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("csms_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? CsmsId { get; init; }
}
