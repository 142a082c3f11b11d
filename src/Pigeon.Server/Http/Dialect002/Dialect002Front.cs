using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Pigeon.Gateway.Limits;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Core;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Text;

namespace Pigeon.Server.Http.Dialect002;

/// <summary>
/// Dialect 002 (the seed document "Push SMS Connectivity API" v3.0.0): a thin translation of its three requests onto
/// <see cref="MessageAcceptance"/>, the one submission path. This part: what every request shares (reading JSON,
/// the api_token, the per-key request and message rates, checking one message, sending it, writing the answer).
/// Checks run cheapest first; the order, and every code with its HTTP status, is in docs/http-api-002.md.
/// </summary>
internal sealed partial class Dialect002Front
{
    /// <summary>Numbers of a bulk request, or messages of a dynamic one, at most (seed document 4.2, 4.3).</summary>
    public const int MaxMessages = 100;

    /// <summary>Characters of a text at most (the document's length of sms and text).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// Characters of a csms_id at most. The document's table says 20, but its own samples carry ids of 21 and 22
    /// characters ("4473433434pZ684333392", "4437343343P3Z684333392"), so 20 would refuse the document itself.
    /// </summary>
    public const int MaxCsmsIdLength = 32;

    /// <summary>Characters of a sid at most (the document's length).</summary>
    public const int MaxSidLength = 20;

    /// <summary>Digits of an msisdn at most (the document's length).</summary>
    public const int MaxMsisdnDigits = 16;

    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly SearchValues<char> Alphanumerics = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private readonly ApiKeyAuthenticator _authenticator;
    private readonly ApiRequestLimiter _requests;
    private readonly TpsLimiter _messageRate;
    private readonly MessageAcceptance _acceptance;
    private readonly CsmsIdRegister _csmsIds;
    private readonly PhoneNumberNormalizer _normalizer = new();
    private readonly ILogger _logger;

    public Dialect002Front(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.GetRequiredService<TimeProvider>();
        _authenticator = services.GetRequiredService<ApiKeyAuthenticator>();
        _requests = services.GetRequiredService<ApiRequestLimiter>();
        _acceptance = services.GetRequiredService<MessageAcceptance>();
        _messageRate = services.GetRequiredKeyedService<TpsLimiter>(ApiKeyMessageRate.ServiceKey);
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Pigeon.Server.Http.Dialect002");
        _csmsIds = new CsmsIdRegister(services.GetRequiredService<GatewayCore>(), time, _logger);
    }

    /// <summary>Any other path under /api/v3/: 4004.</summary>
    public static Task NotFoundAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return WriteAsync(http, Dialect002Answer.Failed(ApiStatus.EndpointNotFound));
    }

    private async Task RunAsync(HttpContext http, Func<HttpContext, CancellationToken, ValueTask<Dialect002Answer>> handle)
    {
        Dialect002Answer answer;
        try
        {
            answer = await handle(http, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Dialect002Log.RequestFailed(_logger, e, http.Request.Path);
            answer = Dialect002Answer.Failed(ApiStatus.UnknownError);
        }

        await WriteAsync(http, answer);
    }

    private static async Task WriteAsync(HttpContext http, Dialect002Answer answer)
    {
        var response = http.Response;
        response.StatusCode = answer.HttpStatus;
        if (answer.RetryAfter is { } wait)
        {
            response.Headers[HeaderNames.RetryAfter] = ApiKeyEndpointFilter.RetryAfterSeconds(wait);
        }

        await response.WriteAsJsonAsync(answer.Body, Dialect002Json.Default.SmsResponse, JsonContentType, CancellationToken.None);
    }

    /// <summary>The JSON body as <typeparamref name="T"/>, or the 4005 answer: not JSON (415), too large (413), malformed (400).</summary>
    private static async ValueTask<(T? Value, Dialect002Answer? Refused)> ReadJsonAsync<T>(HttpContext http, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(http.Request.ContentType))
        {
            return (null, Dialect002Answer.Failed(ApiStatus.InvalidRequestFormat, StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, cancellationToken);
            return value is null ? (null, Dialect002Answer.Failed(ApiStatus.InvalidRequestFormat)) : (value, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Dialect002Answer.Failed(ApiStatus.InvalidRequestFormat, StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            // Malformed JSON, a field of the wrong type, or text that is not UTF-8.
            return (null, Dialect002Answer.Failed(ApiStatus.InvalidRequestFormat));
        }
    }

    /// <summary>application/json (or a +json type) in UTF-8, the only body the document describes.</summary>
    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var json = media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var charset = media.Charset;
        return json && (!charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The caller of <paramref name="token"/>, or the answer: 4001 (missing, unknown, revoked), 4003 (address), 4002 (customer suspended), 4029 (request rate).</summary>
    private async ValueTask<(ApiCaller? Caller, Dialect002Answer? Refused)> AuthenticateAsync(HttpContext http, string? token, CancellationToken cancellationToken)
    {
        var (check, caller) = await _authenticator.AuthenticateAsync(token, http.Connection.RemoteIpAddress, cancellationToken);
        switch (check)
        {
            case ApiKeyCheck.Accepted:
                break;
            case ApiKeyCheck.AddressNotAllowed:
                return (null, Dialect002Answer.Failed(ApiStatus.IpBlacklisted));
            case ApiKeyCheck.CustomerNotActive:
                return (null, Dialect002Answer.Failed(ApiStatus.SidNotPermitted));
            default:
                return (null, Dialect002Answer.Failed(ApiStatus.Unauthorized));
        }

        if (!_requests.TryTake(caller!.Key.Id, out var retryAfter))
        {
            return (null, Dialect002Answer.Failed(ApiStatus.TooManyRequests, retryAfter: retryAfter));
        }

        return (caller, null);
    }

    private static bool IsMissing(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>
    /// False when <paramref name="sid"/> cannot be the customer's: too long, or an alphanumeric name not among its
    /// sender ids. A numeric sid is judged by the planner, which reads it in the customer's country.
    /// </summary>
    private static bool MaySend(ApiCaller caller, string sid) =>
        sid.Length <= MaxSidLength && (IsNumber(sid) || caller.Account.AllowsSender(sid));

    private static bool IsNumber(string value)
    {
        var digits = value.AsSpan(value.StartsWith('+') ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExcept(Digits);
    }

    /// <summary>csms_id: letters and digits, 1 to <see cref="MaxCsmsIdLength"/> (the document: alphanumeric).</summary>
    private static bool IsValidCsmsId(string csmsId) =>
        csmsId.Length is > 0 and <= MaxCsmsIdLength && !csmsId.AsSpan().ContainsAnyExcept(Alphanumerics);

    /// <summary>The number in E.164 digits read in <paramref name="country"/>, as the planner reads it; false when it is not a number we can send to.</summary>
    private bool TryNormalize(string msisdn, string country, out string number)
    {
        number = string.Empty;
        var digits = msisdn.StartsWith('+') ? msisdn.Length - 1 : msisdn.Length;
        if (!IsNumber(msisdn) || digits > MaxMsisdnDigits)
        {
            return false;
        }

        var normalized = _normalizer.Normalize(msisdn, country);
        if (!normalized.Succeeded)
        {
            return false;
        }

        number = normalized.Number;
        return true;
    }

    /// <summary>The checks of one message that need no state: csms_id shape (when it has its own), number, text length. Null when it passes.</summary>
    private SmsOutcome? Check(ApiCaller caller, string msisdn, string text, string? csmsId, string shownCsmsId, out string number)
    {
        number = string.Empty;
        if (csmsId is not null && !IsValidCsmsId(csmsId))
        {
            return Outcome(SmsStatus.Invalid, SmsStatus.InvalidCsmsId, ApiStatus.InvalidCsmsId, msisdn, text, shownCsmsId);
        }

        if (!TryNormalize(msisdn, caller.Customer.Country, out number))
        {
            return Outcome(SmsStatus.Invalid, SmsStatus.InvalidMsisdn, ApiStatus.InvalidMsisdn, msisdn, text, shownCsmsId);
        }

        return text.Length > MaxTextLength
            ? Outcome(SmsStatus.Invalid, SmsStatus.MessageLengthExceeded, ApiStatus.MessageLengthExceeded, number, text, shownCsmsId)
            : null;
    }

    /// <summary>Sends one checked message through the one submission path, under the key's message rate (4031).</summary>
    private async ValueTask<SmsOutcome> SendAsync(ApiCaller caller, string sid, string number, string text, string csmsId, RequestRecord? remember, CancellationToken cancellationToken)
    {
        if (!_messageRate.TryAcquire(caller.Key.Id, caller.Key.Tps))
        {
            return Outcome(SmsStatus.Failed, SmsStatus.TpsExceeded, ApiStatus.TpsExceeded, number, text, csmsId);
        }

        try
        {
            var outcome = await _acceptance.AcceptAsync(
                caller.Account,
                new SubmissionRequest
                {
                    Source = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, sid),
                    Destination = new SmppAddress(TypeOfNumber.Unknown, NumberingPlan.Unknown, "+" + number),
                    Text = text,
                    RegisteredDelivery = RegisteredDelivery.SmscReceiptOnSuccessOrFailure,
                    ClientReference = csmsId,
                },
                remember,
                cancellationToken);
            if (outcome.IsAccepted)
            {
                var info = new SmsInfo
                {
                    SmsStatus = SmsStatus.Success,
                    StatusMessage = SmsStatus.SuccessMessage,
                    Msisdn = outcome.Plan.Destination,
                    SmsType = outcome.Plan.Encoding == SmsEncoding.Ucs2 ? "BN" : "EN",
                    SmsBody = text,
                    CsmsId = csmsId,
                    ReferenceId = outcome.IdText,
                };
                return new SmsOutcome(info, ApiStatus.Success, StatusCodes.Status200OK);
            }

            return outcome.Refusal is { } refusal
                ? Refused(refusal.Reason, number, text, csmsId)
                : Outcome(SmsStatus.Failed, SmsStatus.UnknownError, ApiStatus.UnknownError, number, text, csmsId);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            Dialect002Log.RequestFailed(_logger, e, "send");
            return Outcome(SmsStatus.Failed, SmsStatus.UnknownError, ApiStatus.UnknownError, number, text, csmsId);
        }
    }

    /// <summary>The planner's refusal in the dialect's words (the table is in docs/http-api-002.md).</summary>
    private static SmsOutcome Refused(RefusalReason reason, string number, string text, string csmsId) => reason switch
    {
        RefusalReason.DestinationRequired or RefusalReason.InvalidDestination or RefusalReason.DestinationTooShort
            or RefusalReason.DestinationTooLong or RefusalReason.DestinationNotMobile or RefusalReason.InvalidDestinationTon
            or RefusalReason.InvalidDestinationNpi or RefusalReason.DestinationNotInClosedUserGroup =>
            Outcome(SmsStatus.Invalid, SmsStatus.InvalidMsisdn, ApiStatus.InvalidMsisdn, number, text, csmsId),
        RefusalReason.DestinationBlocked => Outcome(SmsStatus.Invalid, SmsStatus.BlockedMsisdn, ApiStatus.BlockedMsisdn, number, text, csmsId),
        RefusalReason.MessageTooLong or RefusalReason.EmptyMessage =>
            Outcome(SmsStatus.Invalid, SmsStatus.MessageLengthExceeded, ApiStatus.MessageLengthExceeded, number, text, csmsId),
        RefusalReason.SenderNotAllowed or RefusalReason.SourceRequired or RefusalReason.InvalidSource or RefusalReason.InvalidSourceTon
            or RefusalReason.InvalidSourceNpi or RefusalReason.CustomerNotActive or RefusalReason.SubmitDisabled =>
            Outcome(SmsStatus.Failed, SmsStatus.SidNotPermitted, ApiStatus.SidNotPermitted, number, text, csmsId),
        RefusalReason.Throttled => Outcome(SmsStatus.Failed, SmsStatus.TpsExceeded, ApiStatus.TpsExceeded, number, text, csmsId),
        RefusalReason.InsufficientBalance =>
            Outcome(SmsStatus.Failed, SmsStatus.InsufficientBalance, ApiStatus.UnknownError, number, text, csmsId, StatusCodes.Status402PaymentRequired),
        RefusalReason.NoRoute => Outcome(SmsStatus.Failed, SmsStatus.NoRoute, ApiStatus.UnknownError, number, text, csmsId, StatusCodes.Status422UnprocessableEntity),
        _ => Outcome(SmsStatus.Failed, SmsStatus.UnknownError, ApiStatus.UnknownError, number, text, csmsId),
    };

    private static SmsOutcome Outcome(string status, string message, int code, string msisdn, string text, string csmsId, int? httpStatus = null) => new(
        new SmsInfo
        {
            SmsStatus = status,
            StatusMessage = message,
            Msisdn = msisdn,
            SmsType = SmsText.ChooseEncoding(text) == SmsEncoding.Ucs2 ? "BN" : "EN",
            SmsBody = text,
            CsmsId = csmsId,
            ReferenceId = string.Empty,
        },
        code,
        httpStatus ?? ApiStatus.HttpStatus(code));

    /// <summary>The error_message of a FAILED answer for <paramref name="outcome"/>: the code's meaning, or the cause behind a 5000.</summary>
    private static string ErrorMessage(SmsOutcome outcome) =>
        outcome.Code == ApiStatus.UnknownError ? outcome.Info.StatusMessage : ApiStatus.Meaning(outcome.Code);

    /// <summary>Retry-After for a message refused by the key's rate: its next token is at most a second away.</summary>
    private static TimeSpan? RetryAfterOf(int code) => code == ApiStatus.TpsExceeded ? TimeSpan.FromSeconds(1) : null;
}
