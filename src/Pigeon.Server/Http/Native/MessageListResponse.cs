using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>One page of messages, newest first.</summary>
internal sealed record MessageListResponse
{
    [JsonPropertyName("data")]
    public required IReadOnlyList<MessageView> Data { get; init; }

    [JsonPropertyName("has_more")]
    public required bool HasMore { get; init; }

    [JsonPropertyName("next_cursor")]
    [Description("Pass as 'cursor' (with the same filters) for the next page; null on the last page.")]
    public string? NextCursor { get; init; }
}
