using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>One line of a message's history.</summary>
internal sealed record MessageEventView
{
    [JsonPropertyName("type")]
    [Description("accepted, charged, submitted (a supplier took a part; supplier_message_id), failed_over (moved to another supplier), receipt (a delivery report; status), finished (ended by Pigeon; status), refunded.")]
    public required string Type { get; init; }

    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    [JsonPropertyName("part")]
    [Description("The part (1-based) the event is about, for messages in several parts.")]
    public int? Part { get; init; }

    [JsonPropertyName("status")]
    [Description("The part's status after the event.")]
    public string? Status { get; init; }

    [JsonPropertyName("supplier_message_id")]
    public string? SupplierMessageId { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("amount")]
    [Description("The amount charged or refunded, a decimal string.")]
    public string? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}
