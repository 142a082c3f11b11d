using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>A stored message as the native API shows it; <see cref="History"/> only when read by id.</summary>
internal sealed record MessageView
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("from")]
    public required string From { get; init; }

    [JsonPropertyName("to")]
    [Description("E.164 with '+', or a short code as given.")]
    public required string To { get; init; }

    [JsonPropertyName("status")]
    [Description("accepted (stored, waiting to be sent), enroute (sent, no final report yet), delivered, expired, deleted, undeliverable, rejected (charge refunded), unknown.")]
    public required string Status { get; init; }

    [JsonPropertyName("error")]
    [Description("The supplier's error behind a failed status, when there is one.")]
    public string? Error { get; init; }

    [JsonPropertyName("segments")]
    public required int Segments { get; init; }

    [JsonPropertyName("encoding")]
    public required string Encoding { get; init; }

    [JsonPropertyName("price")]
    public required string Price { get; init; }

    [JsonPropertyName("price_per_segment")]
    public required string PricePerSegment { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    [JsonPropertyName("client_reference")]
    public string? ClientReference { get; init; }

    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("send_at")]
    public DateTimeOffset? SendAt { get; init; }

    [JsonPropertyName("valid_until")]
    public DateTimeOffset? ValidUntil { get; init; }

    [JsonPropertyName("submitted_at")]
    [Description("When a supplier took it.")]
    public DateTimeOffset? SubmittedAt { get; init; }

    [JsonPropertyName("done_at")]
    [Description("When it reached its final status.")]
    public DateTimeOffset? DoneAt { get; init; }

    [JsonPropertyName("history")]
    [Description("What happened to it, oldest first (GET /v1/messages/{id} only).")]
    public IReadOnlyList<MessageEventView>? History { get; init; }
}
