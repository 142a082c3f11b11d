using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>The routes of dialect 002 (docs/http-api-002.md); every other path under /api/v3/ answers 4004.</summary>
internal static class Dialect002Endpoints
{
    /// <summary>Maps <c>/api/v3/send-sms</c> (GET, POST), <c>/api/v3/send-sms/bulk</c> and <c>/api/v3/send-sms/dynamic</c> (POST).</summary>
    public static IEndpointRouteBuilder MapDialect002(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var front = new Dialect002Front(app.ServiceProvider);
        app.MapGet("/api/v3/send-sms", new RequestDelegate(front.SingleGetAsync));
        app.MapPost("/api/v3/send-sms", new RequestDelegate(front.SinglePostAsync));
        app.MapPost("/api/v3/send-sms/bulk", new RequestDelegate(front.BulkAsync));
        app.MapPost("/api/v3/send-sms/dynamic", new RequestDelegate(front.DynamicAsync));

        // Unknown paths and known paths with another method: the document's "End point Not Found".
        app.Map("/api/v3/{**path}", new RequestDelegate(Dialect002Front.NotFoundAsync));
        return app;
    }
}
