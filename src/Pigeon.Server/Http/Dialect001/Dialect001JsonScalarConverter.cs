using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>Reads a <see cref="Dialect001JsonScalar"/> from a string or a number token; writes it as a string.</summary>
internal sealed class Dialect001JsonScalarConverter : JsonConverter<Dialect001JsonScalar>
{
    public override Dialect001JsonScalar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new(reader.GetString());
            case JsonTokenType.Number:
                // A number token is never escaped, so its bytes are its literal text.
                return new(reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                reader.Skip();
                return new(null);
        }
    }

    public override void Write(Utf8JsonWriter writer, Dialect001JsonScalar value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text);
    }
}
