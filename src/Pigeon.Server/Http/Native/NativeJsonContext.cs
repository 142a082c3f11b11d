using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>Source-generated JSON of the native API's answers (names are fixed on each property).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessagesResponse))]
[JsonSerializable(typeof(RefusedMessagesProblem))]
[JsonSerializable(typeof(MessageView))]
[JsonSerializable(typeof(MessageListResponse))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(SenderListResponse))]
internal sealed partial class NativeJsonContext : JsonSerializerContext;
