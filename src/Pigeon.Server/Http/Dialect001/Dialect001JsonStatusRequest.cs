using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>The body of POST /api/json/status: id_sms, the ids send answered.</summary>
internal sealed class Dialect001JsonStatusRequest
{
    [JsonPropertyName("id_sms")]
    public List<Dialect001JsonScalar>? Ids { get; set; }
}
