using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// Source-generated JSON for dialect 001. Reading is forgiving where the document is: property names in any case
/// (its table writes "Phone", its example "phone"), and trailing commas (its own status example ends in one).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dialect001JsonSendRequest))]
[JsonSerializable(typeof(Dialect001JsonStatusRequest))]
[JsonSerializable(typeof(Dialect001JsonAnswer<Dictionary<string, string>>))]
[JsonSerializable(typeof(Dialect001JsonAnswer<List<string>>))]
[JsonSerializable(typeof(Dialect001JsonAnswer<Dialect001JsonBalance>))]
[JsonSerializable(typeof(Dialect001JsonError))]
internal sealed partial class Dialect001JsonContext : JsonSerializerContext;
