using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>Every successful JSON answer: <c>{"success_request": {"info": …}}</c>.</summary>
internal sealed class Dialect001JsonAnswer<TInfo>(Dialect001JsonSuccess<TInfo> successRequest)
{
    [JsonPropertyName("success_request")]
    public Dialect001JsonSuccess<TInfo> SuccessRequest { get; } = successRequest;
}
