using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The document-wide parts of the native API's OpenAPI document: its title and description, and the Bearer API-key
/// scheme every operation under /v1 requires.
/// </summary>
internal sealed class NativeOpenApiDocument : IOpenApiDocumentTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Pigeon native API",
            Version = "v1",
            Description = "Send SMS and read their delivery through Pigeon. Authenticate with an API key as 'Authorization: Bearer pgn_…' " +
                "(pigeon api-keys create). Errors are RFC 9457 problem+json documents with a stable 'code'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "pgn_ API key",
            Description = "An API key of the account: pigeon api-keys create --customer NAME.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] };
        foreach (var path in document.Paths)
        {
            if (!path.Key.StartsWith("/v1/", StringComparison.Ordinal) || path.Value.Operations is null)
            {
                continue;
            }

            foreach (var operation in path.Value.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
