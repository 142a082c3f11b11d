using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>The account's active sender ids.</summary>
internal sealed record SenderListResponse
{
    [JsonPropertyName("data")]
    public required IReadOnlyList<SenderView> Data { get; init; }
}
