using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>Source-generated JSON for dialect 002: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = false)]
[JsonSerializable(typeof(SingleSmsRequest))]
[JsonSerializable(typeof(BulkSmsRequest))]
[JsonSerializable(typeof(DynamicSmsRequest))]
[JsonSerializable(typeof(SmsResponse))]
internal sealed partial class Dialect002Json : JsonSerializerContext;
