using Microsoft.AspNetCore.Http;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The XML gateway of dialect 001: the same four operations over POST /api/xml, UTF-8. Checked in this order:
/// Content-Type (415), body size (413), UTF-8 (400 invalid_utf8), XML (400 invalid_xml, dtd_not_allowed,
/// unsupported_encoding, invalid_request), credentials from the Authorization header or else &lt;auth&gt; (401) and
/// the key's request rate (429), then the operation's checks in <see cref="Dialect001Api"/>. The body is read before
/// the credentials because it may carry them.
/// </summary>
internal sealed class Dialect001XmlFront(Dialect001Api api)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (Dialect001MediaTypes.CheckXml(context.Request.ContentType) is { } unsupported)
        {
            await WriteAsync(context, unsupported);
            return;
        }

        var (body, bodyError) = await Dialect001RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, bodyError!);
            return;
        }

        Dialect001XmlRequest? request;
        Dialect001Error? error;
        using (body)
        {
            (request, error) = Dialect001XmlRequestReader.Read(body);
        }

        if (request is null)
        {
            await WriteAsync(context, error!);
            return;
        }

        var header = Dialect001Credentials.FromHeader(context.Request.Headers.Authorization.ToString());
        var (caller, refused) = await api.AuthenticateAsync(header.Presented ? header : request.Credentials, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (caller is null)
        {
            await WriteAsync(context, refused!);
            return;
        }

        switch (request.Operation)
        {
            case Dialect001XmlOperation.Send:
                var sent = await api.SendAsync(caller, request.Send!, context.RequestAborted);
                await (sent.Error is { } sendError ? WriteAsync(context, sendError) : WriteAsync(context, Dialect001XmlAnswerWriter.Send(sent)));
                break;
            case Dialect001XmlOperation.Status:
                var states = await api.StatusAsync(caller, request.Ids, context.RequestAborted);
                await (states.Error is { } statusError ? WriteAsync(context, statusError) : WriteAsync(context, Dialect001XmlAnswerWriter.Status(states)));
                break;
            case Dialect001XmlOperation.Senders:
                await WriteAsync(context, Dialect001XmlAnswerWriter.Senders(Dialect001Api.Senders(caller)));
                break;
            default:
                var (balance, balanceError) = api.Balance(caller);
                await (balance is null ? WriteAsync(context, balanceError!) : WriteAsync(context, Dialect001XmlAnswerWriter.Balance(balance)));
                break;
        }
    }

    private static Task WriteAsync(HttpContext context, Dialect001Error error)
    {
        Dialect001Headers.Apply(context.Response, error);
        return WriteBodyAsync(context, Dialect001XmlAnswerWriter.Error(error));
    }

    private static Task WriteAsync(HttpContext context, byte[] answer)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return WriteBodyAsync(context, answer);
    }

    private static Task WriteBodyAsync(HttpContext context, byte[] answer)
    {
        context.Response.ContentType = Dialect001MediaTypes.XmlAnswer;
        context.Response.ContentLength = answer.Length;
        return context.Response.Body.WriteAsync(answer, context.RequestAborted).AsTask();
    }
}
