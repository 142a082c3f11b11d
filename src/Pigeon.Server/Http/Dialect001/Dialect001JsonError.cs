using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>Every JSON error answer: <c>{"error_request": {"status": 400, "code": "invalid_phone", "message": "…"}}</c>.</summary>
internal sealed class Dialect001JsonError(Dialect001JsonErrorBody errorRequest)
{
    [JsonPropertyName("error_request")]
    public Dialect001JsonErrorBody ErrorRequest { get; } = errorRequest;
}
