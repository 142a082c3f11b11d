using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pigeon.Server.Http;

/// <summary>
/// Bearer API-key authentication and the per-key request rate for a group of native endpoints: a request without a
/// good key is answered 401 (with WWW-Authenticate), one from a forbidden address or a suspended customer 403, one
/// over its rate 429 with Retry-After; otherwise its <see cref="ApiCaller"/> is put on the context
/// (<see cref="ApiCallerContext.GetApiCaller"/>) and the endpoint runs.
/// </summary>
internal sealed class ApiKeyEndpointFilter(ApiKeyAuthenticator authenticator, ApiRequestLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (check, caller) = await authenticator.AuthenticateAsync(BearerToken(http.Request), http.Connection.RemoteIpAddress, http.RequestAborted);
        switch (check)
        {
            case ApiKeyCheck.Accepted:
                break;
            case ApiKeyCheck.Missing:
                http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "api_key_missing", "An API key is required.", "Send it as 'Authorization: Bearer <key>'.");
            case ApiKeyCheck.AddressNotAllowed:
                return ApiProblems.Problem(StatusCodes.Status403Forbidden, "address_not_allowed", "This API key may not be used from this address.");
            case ApiKeyCheck.CustomerNotActive:
                return ApiProblems.Problem(StatusCodes.Status403Forbidden, "customer_not_active", "The account of this API key is suspended or closed.");
            case ApiKeyCheck.Revoked:
                http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "api_key_revoked", "This API key was revoked.");
            default:
                http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "api_key_invalid", "The API key is not valid.");
        }

        if (!limiter.TryTake(caller!.Key.Id, out var retryAfter))
        {
            http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds(retryAfter);
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests for this API key.", $"Retry after {RetryAfterSeconds(retryAfter)} s.");
        }

        http.Items[ApiCallerContext.Key] = caller;
        return await next(context);
    }

    /// <summary>Whole seconds, at least 1, as Retry-After takes them.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
