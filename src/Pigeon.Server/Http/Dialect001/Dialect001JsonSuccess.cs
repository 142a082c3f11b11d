using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The <c>success_request</c> object: <c>info</c> as the document shows it, and two members of ours, written only
/// when they have something: <c>refused</c> (send: number → refusal code of numbers not sent) and <c>unknown</c>
/// (status: ids that are not the caller's messages).
/// </summary>
internal sealed class Dialect001JsonSuccess<TInfo>(TInfo info)
{
    [JsonPropertyName("info")]
    public TInfo Info { get; } = info;

    [JsonPropertyName("refused")]
    public Dictionary<string, string>? Refused { get; init; }

    [JsonPropertyName("unknown")]
    public List<string>? Unknown { get; init; }
}
