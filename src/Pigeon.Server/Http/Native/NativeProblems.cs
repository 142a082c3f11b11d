using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pigeon.Server.Http.Native;

/// <summary>The native API's own problems (beyond refusals, <see cref="RefusalStatuses"/>), one place for each code's status and words.</summary>
internal static class NativeProblems
{
    public static IResult PayloadTooLarge() => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge,
        "payload_too_large",
        "The request body is too large.",
        "The body is over this server's limit (1 MiB unless the operator set Pigeon:Http:MaxRequestBodyBytes).");

    public static IResult ValidationFailed(FieldErrors errors) => ApiProblems.Problem(
        StatusCodes.Status422UnprocessableEntity,
        "validation_failed",
        "The request has invalid fields.",
        "See 'errors' for what is wrong with each field.",
        new Dictionary<string, object?> { ["errors"] = errors.ToDictionary() });

    public static IResult BatchTooLarge(int count) => ApiProblems.Problem(
        StatusCodes.Status422UnprocessableEntity,
        "batch_too_large",
        "The request creates too many messages.",
        string.Create(CultureInfo.InvariantCulture, $"It creates {count} messages; one request may create at most {NativeApiLimits.MaxMessagesPerRequest} (every recipient is a message)."));

    public static IResult MessageNotFound() => ApiProblems.Problem(StatusCodes.Status404NotFound, "message_not_found", "No such message.");

    public static IResult Throttled(HttpContext http, TimeSpan retryAfter, int tps)
    {
        var seconds = ApiKeyEndpointFilter.RetryAfterSeconds(retryAfter);
        http.Response.Headers[HeaderNames.RetryAfter] = seconds;
        return ApiProblems.Problem(
            StatusCodes.Status429TooManyRequests,
            "throttled",
            "This API key's message rate is exceeded.",
            string.Create(CultureInfo.InvariantCulture, $"The key may send {tps} messages per second; retry after {seconds} s."));
    }

    public static IResult StoreUnavailable(HttpContext http)
    {
        http.Response.Headers[HeaderNames.RetryAfter] = "5";
        return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "store_unavailable", "The messages could not be stored; none was accepted.", "Nothing was charged. Retry later.");
    }
}
