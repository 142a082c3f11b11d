using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>This part: <c>/api/v3/send-sms</c>, one SMS by GET (query parameters) or POST (JSON), seed document 4.1.</summary>
internal sealed partial class Dialect002Front
{
    public Task SingleGetAsync(HttpContext http) => RunAsync(http, (context, ct) =>
    {
        if (!StrictQueryString.TryParse(context.Request.QueryString.Value, out var query))
        {
            return ValueTask.FromResult(Dialect002Answer.Failed(ApiStatus.InvalidRequestFormat));
        }

        var request = new SingleSmsRequest
        {
            ApiToken = query.GetValueOrDefault("api_token"),
            Sid = query.GetValueOrDefault("sid"),
            Msisdn = query.GetValueOrDefault("msisdn"),
            Sms = query.GetValueOrDefault("sms"),
            CsmsId = query.GetValueOrDefault("csms_id"),
        };
        return SingleAsync(context, request, ct);
    });

    public Task SinglePostAsync(HttpContext http) => RunAsync(http, async (context, ct) =>
    {
        var (request, refused) = await ReadJsonAsync(context, Dialect002Json.Default.SingleSmsRequest, ct);
        return refused ?? await SingleAsync(context, request!, ct);
    });

    private async ValueTask<Dialect002Answer> SingleAsync(HttpContext http, SingleSmsRequest request, CancellationToken cancellationToken)
    {
        var (caller, refused) = await AuthenticateAsync(http, request.ApiToken, cancellationToken);
        if (refused is { } answer)
        {
            return answer;
        }

        if (IsMissing(request.Sid) || IsMissing(request.Msisdn) || IsMissing(request.Sms) || IsMissing(request.CsmsId))
        {
            return Dialect002Answer.Failed(ApiStatus.RequiredParameterMissing);
        }

        var (sid, msisdn, text, csmsId) = (request.Sid!, request.Msisdn!, request.Sms!, request.CsmsId!);
        if (!MaySend(caller!, sid))
        {
            return Dialect002Answer.Failed(ApiStatus.SidNotPermitted);
        }

        if (Check(caller!, msisdn, text, csmsId, csmsId, out var number) is { } invalid)
        {
            return One(invalid);
        }

        if (await _csmsIds.TryClaimAsync(caller!.CustomerId, csmsId, cancellationToken) is not { } claim)
        {
            return One(Outcome(SmsStatus.Duplicate, SmsStatus.DuplicateCsmsId, ApiStatus.DuplicateCsmsId, number, text, csmsId));
        }

        SmsOutcome sent;
        try
        {
            // The csms_id is kept in the message's own transaction: one commit, and no crash can part them.
            sent = await SendAsync(caller, sid, number, text, csmsId, _csmsIds.RecordOf(claim, number), cancellationToken);
        }
        catch
        {
            CsmsIdRegister.Release(claim);
            throw;
        }

        if (sent.Succeeded)
        {
            CsmsIdRegister.MarkKept(claim);
        }
        else
        {
            CsmsIdRegister.Release(claim);
        }

        return One(sent);
    }

    /// <summary>A one-SMS answer: SUCCESS, or FAILED with the SMS's own code and its <see cref="SmsInfo"/>.</summary>
    private static Dialect002Answer One(SmsOutcome outcome) => new(
        outcome.HttpStatus,
        new SmsResponse
        {
            Status = outcome.Succeeded ? "SUCCESS" : "FAILED",
            StatusCode = outcome.Code,
            ErrorMessage = outcome.Succeeded ? string.Empty : ErrorMessage(outcome),
            SmsInfo = [outcome.Info],
        },
        RetryAfterOf(outcome.Code));
}
