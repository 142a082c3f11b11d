using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The RFC 9457 problem of a send request none of whose messages was accepted: the common refusal's code (or
/// <c>messages_refused</c> when they differ) and every recipient's result, so a client sees each reason.
/// </summary>
internal sealed record RefusedMessagesProblem
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("messages")]
    public required IReadOnlyList<MessageResult> Messages { get; init; }
}
