using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pigeon.Gateway.Limits;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The steps every send request goes through, in this order: body (415, 413, 400), <c>Idempotency-Key</c> (replay,
/// 422 reused, 409 in use), fields (422 validation_failed), size (422 batch_too_large), the key's message rate
/// (429 throttled), then the messages themselves (<see cref="MessageSubmitter"/>). Only an answer about messages
/// is kept for the key: a request refused before it created anything can be corrected and sent with the same key.
/// </summary>
internal sealed class SendRequestHandler(MessageSubmitter submitter, IdempotentRequests idempotency, [FromKeyedServices(ApiKeyMessageRate.ServiceKey)] TpsLimiter rate)
{
    /// <summary>The header that marks a kept answer given again.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const string KeyHeader = "Idempotency-Key";

    /// <summary>Handles one send request whose body <paramref name="read"/> turns into messages.</summary>
    public async Task<IResult> HandleAsync(HttpContext http, Func<JsonElement, FieldErrors, IReadOnlyList<SendMessageRequest>?> read)
    {
        var caller = http.GetApiCaller();
        var cancellationToken = http.RequestAborted;
        var (body, problem) = await JsonRequestBody.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            string? key = null;
            string? fingerprint = null;
            if (http.Request.Headers.TryGetValue(KeyHeader, out var keys))
            {
                key = keys.ToString();
                if (keys.Count != 1 || !IdempotentRequests.IsWellFormed(key))
                {
                    return ApiProblems.Problem(
                        StatusCodes.Status400BadRequest,
                        "invalid_idempotency_key",
                        "The Idempotency-Key header is malformed.",
                        $"Send one key of 1 to {NativeApiLimits.MaxIdempotencyKeyLength} visible ASCII characters (a UUID is a good key).");
                }

                fingerprint = IdempotentRequests.Fingerprint(http.Request.Method, http.Request.Path.Value ?? string.Empty, body.Bytes);
                var (check, kept) = await idempotency.BeginAsync(caller.CustomerId, key, fingerprint, cancellationToken);
                switch (check)
                {
                    case IdempotencyCheck.InUse:
                        return ApiProblems.Problem(StatusCodes.Status409Conflict, "idempotency_key_in_use", "A request with this Idempotency-Key is in progress.", "Retry once it has been answered.");
                    case IdempotencyCheck.Reused:
                        return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used for a different request.", "Use a new key for a new request.");
                    case IdempotencyCheck.Replay:
                        http.Response.Headers[ReplayedHeader] = "true";
                        return new NativeAnswer(kept!.StatusCode, kept.Response).ToResult();
                }
            }

            try
            {
                return await RunAsync(http, caller, body, read, key, fingerprint);
            }
            finally
            {
                if (key is not null)
                {
                    idempotency.End(caller.CustomerId, key);
                }
            }
        }
    }

    private async Task<IResult> RunAsync(HttpContext http, ApiCaller caller, JsonRequestBody body, Func<JsonElement, FieldErrors, IReadOnlyList<SendMessageRequest>?> read, string? key, string? fingerprint)
    {
        var errors = new FieldErrors();
        var messages = read(body.Root, errors);
        if (messages is null || errors.Any)
        {
            return NativeProblems.ValidationFailed(errors);
        }

        var count = messages.Sum(m => m.To.Count);
        if (count > NativeApiLimits.MaxMessagesPerRequest)
        {
            return NativeProblems.BatchTooLarge(count);
        }

        if (!rate.TryAcquire(caller.Key.Id, caller.Key.Tps, count, out var retryAfter))
        {
            return NativeProblems.Throttled(http, retryAfter, caller.Key.Tps);
        }

        // Not cancelled by the client going away: once messages are being accepted, the answer is kept for the key.
        var answer = await submitter.SubmitAsync(caller, messages, CancellationToken.None);
        if (answer is null)
        {
            return NativeProblems.StoreUnavailable(http);
        }

        if (key is not null)
        {
            await idempotency.RememberAsync(caller.CustomerId, key, fingerprint!, answer.StatusCode, answer.Json);
        }

        return answer.ToResult();
    }
}
