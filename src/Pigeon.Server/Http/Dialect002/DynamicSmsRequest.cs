using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>The body of <c>/api/v3/send-sms/dynamic</c> (seed document 4.3.1): up to 100 messages, each its own.</summary>
internal sealed record DynamicSmsRequest
{
    [JsonPropertyName("api_token")]
    public string? ApiToken { get; init; }

    [JsonPropertyName("sid")]
    public string? Sid { get; init; }

    [JsonPropertyName("sms")]
    public IReadOnlyList<DynamicSmsItem?>? Sms { get; init; }
}
