using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Shows <see cref="SendMessageRequest.To"/> as it is taken: one number as a string, or an array of them (the
/// record holds the list the reader made of either).
/// </summary>
internal sealed class RecipientSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { Name: "to" } property && property.DeclaringType == typeof(SendMessageRequest))
        {
            var number = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("+447700900001")] };
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
