using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>A sender id the account may send from.</summary>
internal sealed record SenderView
{
    [JsonPropertyName("value")]
    [Description("What to pass as 'from'.")]
    public required string Value { get; init; }

    [JsonPropertyName("type")]
    [Description("alphanumeric or numeric.")]
    public required string Type { get; init; }
}
