using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Native;

/// <summary>Source-generated JSON of the native API's answers (names are fixed on each property).</summary>
[JsonSerializable(typeof(SendMessagesResponse))]
[JsonSerializable(typeof(RefusedMessagesProblem))]
[JsonSerializable(typeof(MessageView))]
[JsonSerializable(typeof(MessageListResponse))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(SenderListResponse))]
internal sealed partial class NativeJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context answers are written with: nulls left out, and '+', quotes and non-ASCII written as themselves
    /// ("+447911123123", not "\u002B447911123123"); the answers are JSON documents, never embedded in HTML.
    /// </summary>
    public static NativeJsonContext Answers { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
