using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>The balance's <c>info</c>: an object (the document's sample, a bracketed list of pairs, is not valid JSON).</summary>
internal sealed class Dialect001JsonBalance(string money, string currency)
{
    [JsonPropertyName("money")]
    public string Money { get; } = money;

    [JsonPropertyName("currency")]
    public string Currency { get; } = currency;
}
