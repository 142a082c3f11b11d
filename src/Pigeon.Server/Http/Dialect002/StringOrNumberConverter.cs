using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// Reads a field the document types "Numeric" (msisdn) or that clients often send as a number (csms_id) from a
/// JSON string or a JSON number, the number kept as its literal text so no digit is lost; anything else is a
/// malformed request (4005).
/// </summary>
internal sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>The string, the number's literal text, or null for JSON null; throws <see cref="JsonException"/> otherwise.</summary>
    public static string? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or a number."),
    };
}
