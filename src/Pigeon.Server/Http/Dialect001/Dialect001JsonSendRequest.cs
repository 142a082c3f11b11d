using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>The body of POST /api/json/send, as the document's example: src_addr, phone (array), message, integration_id.</summary>
internal sealed class Dialect001JsonSendRequest
{
    [JsonPropertyName("src_addr")]
    public string? SourceAddress { get; set; }

    [JsonPropertyName("phone")]
    public List<Dialect001JsonScalar>? Phones { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("integration_id")]
    public Dialect001JsonScalar? IntegrationId { get; set; }
}
