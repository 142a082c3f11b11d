using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Makes the schemas of the native API's types say what the API takes and gives: whole numbers are JSON integers
/// only (the host's JSON options would also allow them as strings, which this API's reader does not), and
/// <see cref="SendMessageRequest.To"/> is one number as a string or an array of them (the record holds the list
/// the reader made of either).
/// </summary>
internal sealed class NativeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var property = context.JsonPropertyInfo;
        if (property?.DeclaringType.Namespace != typeof(NativeSchemaTransformer).Namespace)
        {
            return Task.CompletedTask;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (property is { Name: "to" } && property.DeclaringType == typeof(SendMessageRequest))
        {
            var number = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("+447911123123")] };
            schema.Type = null;
            schema.Items = null;
            schema.OneOf =
            [
                number,
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = number, MinItems = 1, MaxItems = NativeApiLimits.MaxMessagesPerRequest },
            ];
        }

        return Task.CompletedTask;
    }
}
