using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>The <c>error_request</c> object: the HTTP status again, the stable machine code, a sentence for people.</summary>
internal sealed class Dialect001JsonErrorBody(int status, string code, string message)
{
    [JsonPropertyName("status")]
    public int Status { get; } = status;

    [JsonPropertyName("code")]
    public string Code { get; } = code;

    [JsonPropertyName("message")]
    public string Message { get; } = message;
}
