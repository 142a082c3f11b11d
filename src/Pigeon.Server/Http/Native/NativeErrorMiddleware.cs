using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// Makes every error under <c>/v1</c> a problem with a code, whoever produced it: an unknown path (404
/// <c>not_found</c>), a known path with another method (405 <c>method_not_allowed</c>), a body of a content type
/// the endpoint does not take (415 <c>unsupported_media_type</c>), a body over Kestrel's limit
/// or any other bad request found by the server (413 <c>payload_too_large</c>, 400 <c>bad_request</c>), and an
/// exception (500 <c>internal_error</c>, logged; nothing about it is told to the client).
/// </summary>
internal sealed class NativeErrorMiddleware(RequestDelegate next, ILogger<NativeErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await (e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? NativeProblems.PayloadTooLarge()
                : ApiProblems.Problem(e.StatusCode, "bad_request", "The request could not be read.")).ExecuteAsync(context);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Native API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiProblems.Problem(StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong on our side.").ExecuteAsync(context);
            return;
        }

        if (context.Response.HasStarted || context.Response.ContentType is not null)
        {
            return;
        }

        var problem = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiProblems.Problem(StatusCodes.Status404NotFound, "not_found", "No such endpoint.", "See /docs for the endpoints of this API."),
            StatusCodes.Status405MethodNotAllowed => ApiProblems.Problem(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "This endpoint does not take this method."),
            // Routing refuses a body other than the endpoint's declared content type before the endpoint runs.
            StatusCodes.Status415UnsupportedMediaType => JsonRequestBody.UnsupportedMediaType(),
            _ => null,
        };
        if (problem is not null)
        {
            await problem.ExecuteAsync(context);
        }
    }
}
