using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// Reads the bulk request's <c>msisdn</c>, which the document says must be an array, of strings or numbers (see
/// <see cref="StringOrNumberConverter"/>); a null element is kept as an empty number (refused as invalid).
/// </summary>
internal sealed class StringOrNumberListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("msisdn must be an array.");
        }

        var numbers = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            numbers.Add(StringOrNumberConverter.ReadValue(ref reader) ?? string.Empty);
        }

        return numbers;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var number in value)
        {
            writer.WriteStringValue(number);
        }

        writer.WriteEndArray();
    }
}
