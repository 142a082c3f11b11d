using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The native HTTP API, <c>/v1</c> (docs/http-api.md): Bearer API keys, messages and account endpoints, problem+json
/// errors with stable codes, its OpenAPI document at <c>/openapi/v1.json</c> and an interactive reference at
/// <c>/docs</c> (Scalar, its script served from the package: no CDN, so it works offline).
/// </summary>
public static class NativeApi
{
    /// <summary>The services of the native API; call before the host is built.</summary>
    public static IServiceCollection AddNativeApi(this IServiceCollection services)
    {
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<MessageSubmitter>();
        services.AddSingleton<SendRequestHandler>();
        services.AddHostedService<IdempotencyKeyExpiry>();
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<NativeOpenApiDocument>();
            options.AddSchemaTransformer<NativeSchemaTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>/v1</c>, <c>/openapi/v1.json</c> and <c>/docs</c>.</summary>
    public static WebApplication MapNativeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/v1"), branch => branch.UseMiddleware<NativeErrorMiddleware>());
        var v1 = app.MapGroup("/v1").RequireApiKey();
        MessageEndpoints.Map(v1);
        AccountEndpoints.Map(v1);
        v1.MapWebhookEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Pigeon API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(NativeOpenApiDocument.SchemeName)
            // Nothing from elsewhere: the fonts' CDN, telemetry and the hosted agent would reach out of an offline machine.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        return app;
    }
}
