using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pigeon.Server.Http;

/// <summary>The authenticated caller on a request's context, and the route-group call that requires one.</summary>
internal static class ApiCallerContext
{
    internal static readonly object Key = new();

    /// <summary>The caller <see cref="ApiKeyEndpointFilter"/> accepted; throws on an endpoint outside such a group.</summary>
    public static ApiCaller GetApiCaller(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var caller) && caller is ApiCaller found
            ? found
            : throw new InvalidOperationException("This endpoint is not behind RequireApiKey().");

    /// <summary>Every endpoint of the group needs a Bearer API key of a customer (and counts against its rate).</summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group) => group.AddEndpointFilter<ApiKeyEndpointFilter>();
}
