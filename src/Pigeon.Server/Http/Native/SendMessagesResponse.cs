using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>The answer to a send request: one result per recipient, in the order given, and the totals.</summary>
internal sealed record SendMessagesResponse
{
    [JsonPropertyName("messages")]
    [Description("One result per recipient, in the order of the request (a batch: each message's recipients in turn).")]
    public required IReadOnlyList<MessageResult> Messages { get; init; }

    [JsonPropertyName("accepted")]
    public required int Accepted { get; init; }

    [JsonPropertyName("refused")]
    [Description("Recipients refused or failed.")]
    public required int Refused { get; init; }

    [JsonPropertyName("total_price")]
    [Description("The sum charged for the accepted messages, a decimal string.")]
    public required string TotalPrice { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }
}
