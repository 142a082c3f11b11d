using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// Maps dialect 001 (the seed document 001, described in docs/http-api-001.md): JSON at /api/json/* and XML at
/// /api/xml, both on <see cref="Dialect001Api"/>. Its objects are made here from the host's services, so the host
/// needs one line: <c>app.MapDialect001()</c>.
/// </summary>
internal static class Dialect001Endpoints
{
    public static IEndpointRouteBuilder MapDialect001(this IEndpointRouteBuilder app)
    {
        var api = ActivatorUtilities.CreateInstance<Dialect001Api>(app.ServiceProvider);
        var json = new Dialect001JsonFront(api);
        var xml = new Dialect001XmlFront(api);
        app.MapPost("/api/json/send", json.SendAsync);
        app.MapPost("/api/json/status", json.StatusAsync);
        app.MapGet("/api/json/senders", json.SendersAsync);
        app.MapGet("/api/json/balance", json.BalanceAsync);
        app.MapPost("/api/xml", xml.HandleAsync);
        return app;
    }
}
