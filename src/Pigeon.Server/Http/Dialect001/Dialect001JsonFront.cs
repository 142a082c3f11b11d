using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The JSON form of dialect 001: POST /api/json/send, POST /api/json/status, GET /api/json/senders,
/// GET /api/json/balance. Each request is checked in this order: credentials (401) and the key's request rate
/// (429), Content-Type (415), body size (413), UTF-8 (400 invalid_utf8), JSON (400 invalid_json), then the
/// operation's own checks in <see cref="Dialect001Api"/>.
/// </summary>
internal sealed class Dialect001JsonFront(Dialect001Api api)
{
    private static Dialect001JsonContext Json => Dialect001JsonContext.Default;

    public async Task SendAsync(HttpContext context)
    {
        if (await AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        var (request, error) = await ReadAsync(context, Json.Dialect001JsonSendRequest);
        if (request is null)
        {
            await WriteErrorAsync(context, error!);
            return;
        }

        var command = new Dialect001SendCommand(request.SourceAddress, request.Phones?.ConvertAll(p => p.Text), request.Message, request.IntegrationId?.Text);
        var result = await api.SendAsync(caller, command, context.RequestAborted);
        if (result.Error is not null)
        {
            await WriteErrorAsync(context, result.Error);
            return;
        }

        var info = new Dictionary<string, string>(result.Sent.Count, StringComparer.Ordinal);
        foreach (var (id, phone) in result.Sent)
        {
            info[id] = phone;
        }

        Dictionary<string, string>? refused = null;
        if (result.Refused.Count > 0)
        {
            refused = new Dictionary<string, string>(result.Refused.Count, StringComparer.Ordinal);
            foreach (var (phone, code) in result.Refused)
            {
                refused[phone] = code;
            }
        }

        await WriteAsync(context, new Dialect001JsonAnswer<Dictionary<string, string>>(new(info) { Refused = refused }), Json.Dialect001JsonAnswerDictionaryStringString);
    }

    public async Task StatusAsync(HttpContext context)
    {
        if (await AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        var (request, error) = await ReadAsync(context, Json.Dialect001JsonStatusRequest);
        if (request is null)
        {
            await WriteErrorAsync(context, error!);
            return;
        }

        var result = await api.StatusAsync(caller, request.Ids?.ConvertAll(i => i.Text), context.RequestAborted);
        if (result.Error is not null)
        {
            await WriteErrorAsync(context, result.Error);
            return;
        }

        var info = new Dictionary<string, string>(result.Found.Count, StringComparer.Ordinal);
        foreach (var state in result.Found)
        {
            info[state.Id] = state.Status;
        }

        var answer = new Dialect001JsonAnswer<Dictionary<string, string>>(new(info) { Unknown = result.Unknown.Count > 0 ? [.. result.Unknown] : null });
        await WriteAsync(context, answer, Json.Dialect001JsonAnswerDictionaryStringString);
    }

    public async Task SendersAsync(HttpContext context)
    {
        if (await AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        await WriteAsync(context, new Dialect001JsonAnswer<List<string>>(new([.. Dialect001Api.Senders(caller)])), Json.Dialect001JsonAnswerListString);
    }

    public async Task BalanceAsync(HttpContext context)
    {
        if (await AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        var (balance, error) = api.Balance(caller);
        if (balance is null)
        {
            await WriteErrorAsync(context, error!);
            return;
        }

        await WriteAsync(context, new Dialect001JsonAnswer<Dialect001JsonBalance>(new(new Dialect001JsonBalance(balance.Money, balance.Currency))), Json.Dialect001JsonAnswerDialect001JsonBalance);
    }

    /// <summary>Writes <paramref name="error"/> as JSON with its status and headers (WWW-Authenticate, Retry-After).</summary>
    public static Task WriteErrorAsync(HttpContext context, Dialect001Error error)
    {
        Dialect001Headers.Apply(context.Response, error);
        var body = new Dialect001JsonError(new Dialect001JsonErrorBody(error.Status, error.Code, error.Message));
        return context.Response.WriteAsJsonAsync(body, Json.Dialect001JsonError, Dialect001MediaTypes.JsonAnswer, context.RequestAborted);
    }

    private static Task WriteAsync<T>(HttpContext context, T answer, JsonTypeInfo<T> typeInfo) =>
        context.Response.WriteAsJsonAsync(answer, typeInfo, Dialect001MediaTypes.JsonAnswer, context.RequestAborted);

    private static async ValueTask<(T? Request, Dialect001Error? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (Dialect001MediaTypes.CheckJson(context.Request.ContentType) is { } unsupported)
        {
            return (null, unsupported);
        }

        var (body, error) = await Dialect001RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (null, error);
        }

        using (body)
        {
            try
            {
                return JsonSerializer.Deserialize(body.Span, typeInfo) is { } request
                    ? (request, null)
                    : (null, Dialect001Error.Validation("invalid_json", "The body must be a JSON object."));
            }
            catch (JsonException e)
            {
                return (null, Dialect001Error.Validation("invalid_json", $"The body is not valid JSON for this request: {e.Message}"));
            }
        }
    }

    private async ValueTask<ApiCaller?> AuthenticateAsync(HttpContext context)
    {
        var credentials = Dialect001Credentials.FromHeader(context.Request.Headers.Authorization.ToString());
        var (caller, error) = await api.AuthenticateAsync(credentials, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (caller is null)
        {
            await WriteErrorAsync(context, error!);
        }

        return caller;
    }
}
