using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// This part: <c>/api/v3/send-sms/bulk</c> (one text to up to 100 numbers, 4.2) and <c>/api/v3/send-sms/dynamic</c>
/// (up to 100 messages of their own, 4.3). The acceptances of one request are all started before any is awaited,
/// so they share group commits.
/// </summary>
internal sealed partial class Dialect002Front
{
    public Task BulkAsync(HttpContext http) => RunAsync(http, async (context, ct) =>
    {
        var (request, refused) = await ReadJsonAsync(context, Dialect002Json.Default.BulkSmsRequest, ct);
        return refused ?? await BulkAsync(context, request!, ct);
    });

    public Task DynamicAsync(HttpContext http) => RunAsync(http, async (context, ct) =>
    {
        var (request, refused) = await ReadJsonAsync(context, Dialect002Json.Default.DynamicSmsRequest, ct);
        return refused ?? await DynamicAsync(context, request!, ct);
    });

    private async ValueTask<Dialect002Answer> BulkAsync(HttpContext http, BulkSmsRequest request, CancellationToken cancellationToken)
    {
        var (caller, refused) = await AuthenticateAsync(http, request.ApiToken, cancellationToken);
        if (refused is { } answer)
        {
            return answer;
        }

        if (IsMissing(request.Sid) || IsMissing(request.Sms) || IsMissing(request.BatchCsmsId) || request.Msisdn is not { Count: > 0 } numbers)
        {
            return Dialect002Answer.Failed(ApiStatus.RequiredParameterMissing);
        }

        if (numbers.Count > MaxMessages)
        {
            return Dialect002Answer.Failed(ApiStatus.LimitExceeded);
        }

        var (sid, text, batchId) = (request.Sid!, request.Sms!, request.BatchCsmsId!);
        if (!MaySend(caller!, sid))
        {
            return Dialect002Answer.Failed(ApiStatus.SidNotPermitted);
        }

        if (!IsValidCsmsId(batchId))
        {
            return Dialect002Answer.Failed(ApiStatus.InvalidCsmsId);
        }

        if (text.Length > MaxTextLength)
        {
            return Dialect002Answer.Failed(ApiStatus.MessageLengthExceeded);
        }

        if (await _csmsIds.TryClaimAsync(caller!.CustomerId, batchId, cancellationToken) is not { } claim)
        {
            return Dialect002Answer.Failed(ApiStatus.DuplicateCsmsId);
        }

        SmsOutcome[] outcomes;
        try
        {
            var pending = new Task<SmsOutcome>?[numbers.Count];
            outcomes = new SmsOutcome[numbers.Count];
            var seen = new HashSet<string>(numbers.Count, StringComparer.Ordinal);
            for (var i = 0; i < numbers.Count; i++)
            {
                if (Check(caller, numbers[i], text, null, batchId, out var number) is { } invalid)
                {
                    outcomes[i] = invalid;
                }
                else if (!seen.Add(number))
                {
                    outcomes[i] = Outcome(SmsStatus.Duplicate, SmsStatus.DuplicateMsisdn, ApiStatus.InvalidMessageData, number, text, batchId);
                }
                else
                {
                    pending[i] = SendAsync(caller, sid, number, text, batchId, null, cancellationToken).AsTask();
                }
            }

            await AwaitAllAsync(pending, outcomes);
        }
        catch
        {
            CsmsIdRegister.Release(claim);
            throw;
        }

        if (outcomes.Any(o => o.Succeeded))
        {
            await _csmsIds.KeepAsync(claim, "bulk", string.Join(',', outcomes.Where(o => o.Succeeded).Select(o => o.Info.ReferenceId)));
        }
        else
        {
            CsmsIdRegister.Release(claim);
        }

        return Many(outcomes);
    }

    private async ValueTask<Dialect002Answer> DynamicAsync(HttpContext http, DynamicSmsRequest request, CancellationToken cancellationToken)
    {
        var (caller, refused) = await AuthenticateAsync(http, request.ApiToken, cancellationToken);
        if (refused is { } answer)
        {
            return answer;
        }

        if (IsMissing(request.Sid) || request.Sms is not { Count: > 0 } items
            || items.Any(item => item is null || IsMissing(item.Msisdn) || IsMissing(item.Text) || IsMissing(item.CsmsId)))
        {
            return Dialect002Answer.Failed(ApiStatus.RequiredParameterMissing);
        }

        if (items.Count > MaxMessages)
        {
            return Dialect002Answer.Failed(ApiStatus.LimitExceeded);
        }

        var sid = request.Sid!;
        if (!MaySend(caller!, sid))
        {
            return Dialect002Answer.Failed(ApiStatus.SidNotPermitted);
        }

        // Checks without state first, then repeats within the request, then the ids used before (all at once).
        var outcomes = new SmsOutcome[items.Count];
        var numbers = new string[items.Count];
        var claims = new Task<CsmsIdClaim?>?[items.Count];
        var seenIds = new HashSet<string>(items.Count, StringComparer.Ordinal);
        var seenNumbers = new HashSet<string>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]!;
            if (Check(caller!, item.Msisdn!, item.Text!, item.CsmsId!, item.CsmsId!, out numbers[i]) is { } invalid)
            {
                outcomes[i] = invalid;
            }
            else if (!seenIds.Add(item.CsmsId!))
            {
                outcomes[i] = Outcome(SmsStatus.Duplicate, SmsStatus.DuplicateCsmsId, ApiStatus.DuplicateCsmsId, numbers[i], item.Text!, item.CsmsId!);
            }
            else if (!seenNumbers.Add(numbers[i]))
            {
                outcomes[i] = Outcome(SmsStatus.Duplicate, SmsStatus.DuplicateMsisdn, ApiStatus.InvalidMessageData, numbers[i], item.Text!, item.CsmsId!);
            }
            else
            {
                claims[i] = _csmsIds.TryClaimAsync(caller!.CustomerId, item.CsmsId!, cancellationToken).AsTask();
            }
        }

        var held = new CsmsIdClaim?[items.Count];
        var pending = new Task<SmsOutcome>?[items.Count];
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (claims[i] is { } claiming)
                {
                    held[i] = await claiming;
                }
            }

            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i]!;
                if (claims[i] is null)
                {
                    continue;
                }

                if (held[i] is null)
                {
                    outcomes[i] = Outcome(SmsStatus.Duplicate, SmsStatus.DuplicateCsmsId, ApiStatus.DuplicateCsmsId, numbers[i], item.Text!, item.CsmsId!);
                }
                else
                {
                    // Each csms_id is kept in its own message's transaction.
                    pending[i] = SendAsync(caller!, sid, numbers[i], item.Text!, item.CsmsId!, _csmsIds.RecordOf(held[i]!.Value, numbers[i]), cancellationToken).AsTask();
                }
            }

            await AwaitAllAsync(pending, outcomes);
        }
        catch
        {
            foreach (var claim in held)
            {
                if (claim is { } release)
                {
                    CsmsIdRegister.Release(release);
                }
            }

            throw;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (held[i] is not { } claim)
            {
                continue;
            }

            if (outcomes[i].Succeeded)
            {
                CsmsIdRegister.MarkKept(claim);
            }
            else
            {
                CsmsIdRegister.Release(claim);
            }
        }

        return Many(outcomes);
    }

    /// <summary>Awaits every send started (each was started before the first is awaited) into <paramref name="outcomes"/>.</summary>
    private static async ValueTask AwaitAllAsync(Task<SmsOutcome>?[] pending, SmsOutcome[] outcomes)
    {
        await Task.WhenAll(pending.OfType<Task<SmsOutcome>>());
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] is { } sending)
            {
                outcomes[i] = await sending;
            }
        }
    }

    /// <summary>
    /// The answer of a bulk or dynamic request: SUCCESS when any SMS was taken; else FAILED with the one reason
    /// all share when it concerns the request rather than the numbers (4002 sender, 4031 rate, 5000 balance, route
    /// or server), and 4028 otherwise. Every SMS is listed either way.
    /// </summary>
    private static Dialect002Answer Many(SmsOutcome[] outcomes)
    {
        var infos = outcomes.Select(o => o.Info).ToArray();
        if (outcomes.Any(o => o.Succeeded))
        {
            return new(StatusCodes.Status200OK, new SmsResponse { Status = "SUCCESS", StatusCode = ApiStatus.Success, ErrorMessage = string.Empty, SmsInfo = infos });
        }

        var first = outcomes[0];
        var shared = first.Code is ApiStatus.SidNotPermitted or ApiStatus.TpsExceeded or ApiStatus.UnknownError
            && outcomes.All(o => o.Code == first.Code && o.Info.StatusMessage == first.Info.StatusMessage);
        var code = shared ? first.Code : ApiStatus.InvalidMessageData;
        return new(
            shared ? first.HttpStatus : ApiStatus.HttpStatus(code),
            new SmsResponse { Status = "FAILED", StatusCode = code, ErrorMessage = shared ? ErrorMessage(first) : ApiStatus.Meaning(code), SmsInfo = infos },
            RetryAfterOf(code));
    }
}
