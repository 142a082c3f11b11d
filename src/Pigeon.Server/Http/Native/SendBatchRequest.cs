using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>The body of <c>POST /v1/messages/batch</c>: many distinct messages in one request.</summary>
internal sealed record SendBatchRequest
{
    [JsonPropertyName("messages")]
    [Description("The messages, each with its own recipients, text and options; at most 1000 messages in all.")]
    public required IReadOnlyList<SendMessageRequest> Messages { get; init; }
}
