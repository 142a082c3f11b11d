using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;
using Pigeon.Server.Core;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The messages endpoints: send (one text to one or many numbers, or a batch of distinct messages), read one with
/// its history, list with filters and a cursor. Every read is scoped to the caller's customer: another customer's
/// message is answered exactly like one that does not exist.
/// </summary>
internal static class MessageEndpoints
{
    // The planner's own reading of numbers, so a filter finds what was stored.
    private static readonly PhoneNumberNormalizer Numbers = new();

    public static void Map(RouteGroupBuilder v1)
    {
        var messages = v1.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/", (HttpContext http, SendRequestHandler handler) => handler.HandleAsync(http, (body, errors) => MessageRequestReader.ReadSingle(body, errors) is { } one ? [one] : null))
            .WithName("SendMessage")
            .WithSummary("Send one text to one or many numbers")
            .WithDescription("'to' is one number or an array of at most 1000. 201 when every recipient was accepted, 200 when some were refused (see each result), a problem when none was accepted. Send an Idempotency-Key to retry safely.")
            .Accepts<SendMessageRequest>("application/json")
            .WithSendResponses();
        messages.MapPost("/batch", (HttpContext http, SendRequestHandler handler) => handler.HandleAsync(http, MessageRequestReader.ReadBatch))
            .WithName("SendBatch")
            .WithSummary("Send many distinct messages in one request")
            .WithDescription("Each message has its own recipients, text and options; at most 1000 messages in all, every recipient counted. Answers as POST /v1/messages does.")
            .Accepts<SendBatchRequest>("application/json")
            .WithSendResponses();
        messages.MapGet("/{id}", GetAsync)
            .WithName("GetMessage")
            .WithSummary("Read a message with its history")
            .Produces<MessageView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapGet("/", ListAsync)
            .WithName("ListMessages")
            .WithSummary("List messages, newest first, filtered and paged by cursor")
            .Produces<MessageListResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static RouteHandlerBuilder WithSendResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<SendMessagesResponse>(StatusCodes.Status201Created)
        .Produces<SendMessagesResponse>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status402PaymentRequired)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> GetAsync(HttpContext http, GatewayCore core, string id)
    {
        var caller = http.GetApiCaller();
        if (!MessageId.TryParse(id, out var messageId))
        {
            return NativeProblems.MessageNotFound();
        }

        var detail = await core.Store.Messages.GetMessageAsync(messageId, http.RequestAborted);
        // Another customer's message is not found, word for word: its existence is not told.
        if (detail is null || detail.Message.CustomerId != caller.CustomerId)
        {
            return NativeProblems.MessageNotFound();
        }

        return TypedResults.Json(MessageViews.Detail(detail), NativeJsonContext.Answers.MessageView);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        GatewayCore core,
        [FromQuery] string? status,
        [FromQuery] string? to,
        [FromQuery] string? since,
        [FromQuery] string? until,
        [FromQuery] string? limit,
        [FromQuery] string? cursor)
    {
        var caller = http.GetApiCaller();
        var errors = new FieldErrors();
        var query = new MessageQuery { CustomerId = caller.CustomerId, Limit = NativeApiLimits.DefaultPageSize };
        if (status is not null)
        {
            if (NativeWords.TryParseStatus(status, out var wanted))
            {
                query = query with { Status = wanted };
            }
            else
            {
                errors.Add("status", "Must be one of accepted, enroute, delivered, expired, deleted, undeliverable, rejected, unknown.");
            }
        }

        if (to is not null)
        {
            var number = Numbers.Normalize(to, caller.Customer.Country);
            if (number.Succeeded)
            {
                query = query with { Destination = number.Number };
            }
            else
            {
                errors.Add("to", "Must be a phone number (E.164, such as +447700900001).");
            }
        }

        query = query with { Since = Time(since, "since"), Until = Time(until, "until") };
        if (limit is not null)
        {
            if (int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= NativeApiLimits.MaxPageSize)
            {
                query = query with { Limit = size };
            }
            else
            {
                errors.Add("limit", $"Must be a whole number from 1 to {NativeApiLimits.MaxPageSize}.");
            }
        }

        if (cursor is not null)
        {
            if (MessageCursor.TryDecode(cursor, out var before))
            {
                query = query with { Before = before };
            }
            else
            {
                errors.Add("cursor", "Not a cursor this API gave (pass next_cursor as it came).");
            }
        }

        if (errors.Any)
        {
            return NativeProblems.ValidationFailed(errors);
        }

        var page = await core.Store.Messages.ListMessagesAsync(query, http.RequestAborted);
        var response = new MessageListResponse
        {
            Data = [.. page.Items.Select(MessageViews.Summary)],
            HasMore = page.Next is not null,
            NextCursor = page.Next is { } next ? MessageCursor.Encode(next) : null,
        };
        return TypedResults.Json(response, NativeJsonContext.Answers.MessageListResponse);

        DateTimeOffset? Time(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (Rfc3339.TryParse(text, out var at))
            {
                return at;
            }

            errors.Add(field, "Must be an RFC 3339 date-time with an offset, such as 2026-11-23T10:00:00Z.");
            return null;
        }
    }
}
