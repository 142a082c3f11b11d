using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>The headers an error carries in either form: the two challenges on 401, Retry-After on 429.</summary>
internal static class Dialect001Headers
{
    private static readonly StringValues Challenges = new(["Basic realm=\"pigeon\", charset=\"UTF-8\"", "Bearer realm=\"pigeon\""]);

    public static void Apply(HttpResponse response, Dialect001Error error)
    {
        response.StatusCode = error.Status;
        if (error.Status == Dialect001Error.DuplicateStatus && response.HttpContext.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            // Not a registered status: without a phrase of our own the status line would carry none.
            feature.ReasonPhrase = "Duplicate Message";
        }
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = Challenges;
        }

        if (error.RetryAfter is { } wait)
        {
            response.Headers[HeaderNames.RetryAfter] = ApiKeyEndpointFilter.RetryAfterSeconds(wait);
        }
    }
}
