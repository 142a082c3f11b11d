using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>The account's balance now.</summary>
internal sealed record BalanceResponse
{
    [JsonPropertyName("balance")]
    [Description("A decimal string; messages accepted are already taken from it.")]
    public required string Balance { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }
}
