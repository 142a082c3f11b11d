using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pigeon.Gateway.Webhooks;
using Pigeon.Server.Core;
using Pigeon.Server.Options;

namespace Pigeon.Server.Http.Native;

/// <summary>
/// The caller's own webhook settings and delivery log, under the /v1 group (Bearer API key; every call is scoped to
/// the key's customer). The secret appears only in the answer that creates or rotates it.
/// <code>
/// GET    /v1/webhooks                 200 settings (no secret) | 404 webhooks_not_set
/// PUT    /v1/webhooks                 {"receipts_url": url|null, "mo_url": url|null}: 201 with "secret" when created,
///                                     200 without it when replaced | 400 invalid_json | 422 invalid_webhook_url
///                                     (also a private IP address, unless Pigeon:Webhooks:AllowPrivateAddresses)
/// DELETE /v1/webhooks                 204 | 404 webhooks_not_set
/// POST   /v1/webhooks/rotate-secret   200 settings with the new "secret" | 404 webhooks_not_set
/// GET    /v1/webhooks/deliveries      ?limit=1..200 (50)&amp;before=cursor: {"deliveries": [...], "next": cursor|null}
/// </code>
/// </summary>
internal static class WebhookEndpoints
{
    private const int DefaultPage = 50;
    private const int MaxPage = 200;

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhooks");
        group.MapGet("", GetAsync);
        group.MapPut("", PutAsync);
        group.MapDelete("", DeleteAsync);
        group.MapPost("/rotate-secret", RotateAsync);
        group.MapGet("/deliveries", DeliveriesAsync);
        return v1;
    }

    private static async Task<IResult> GetAsync(HttpContext http, GatewayCore core)
    {
        var settings = await core.Store.Webhooks.GetSettingsAsync(http.GetApiCaller().CustomerId, http.RequestAborted);
        return settings is null ? NotSet() : Results.Json(Settings(settings, secret: null));
    }

    private static async Task<IResult> PutAsync(HttpContext http, GatewayCore core, IOptions<PigeonOptions> options)
    {
        var allowPrivate = options.Value.Webhooks.AllowPrivateAddresses;
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException e)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_json", "The body is not JSON.", e.Message);
        }

        if (body is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_json", "The body must be a JSON object.");
        }

        if (!TryUrl(body, "receipts_url", allowPrivate, out var receipts, out var problem) || !TryUrl(body, "mo_url", allowPrivate, out var mo, out problem))
        {
            return problem;
        }

        var change = await core.Store.Webhooks.SetUrlsAsync(http.GetApiCaller().CustomerId, receipts, mo, WebhookSecrets.New(), http.RequestAborted);
        return change.Created
            ? Results.Json(Settings(change.Settings, change.Settings.Secret), statusCode: StatusCodes.Status201Created)
            : Results.Json(Settings(change.Settings, secret: null));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, GatewayCore core) =>
        await core.Store.Webhooks.RemoveSettingsAsync(http.GetApiCaller().CustomerId, http.RequestAborted) ? Results.NoContent() : NotSet();

    private static async Task<IResult> RotateAsync(HttpContext http, GatewayCore core)
    {
        var settings = await core.Store.Webhooks.RotateSecretAsync(http.GetApiCaller().CustomerId, WebhookSecrets.New(), http.RequestAborted);
        return settings is null ? NotSet() : Results.Json(Settings(settings, settings.Secret));
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext http, GatewayCore core)
    {
        var query = http.Request.Query;
        var limit = DefaultPage;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPage))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_parameter", "limit must be a whole number from 1 to 200.");
        }

        long? before = null;
        if (query.TryGetValue("before", out var beforeText))
        {
            if (!long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_parameter", "before must be the 'next' cursor of a previous page.");
            }

            before = cursor;
        }

        var rows = await core.Store.Webhooks.ListDeliveriesAsync(http.GetApiCaller().CustomerId, before, limit, http.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["deliveries"] = new JsonArray([.. rows.Select(Delivery)]),
            ["next"] = rows.Count == limit ? rows[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    /// <summary>An absent or null property clears the URL; a string must be an acceptable URL (<see cref="WebhookUrl.Check"/>).</summary>
    private static bool TryUrl(JsonObject body, string name, bool allowPrivateAddresses, out string? url, out IResult problem)
    {
        (url, problem) = (null, Results.Empty);
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            problem = ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "invalid_webhook_url", $"{name} must be a URL string or null.");
            return false;
        }

        url = node.GetValue<string>();
        if (WebhookUrl.Check(url, allowPrivateAddresses) is { } reason)
        {
            problem = ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "invalid_webhook_url", $"{name} is not an acceptable webhook URL.", reason);
            return false;
        }

        return true;
    }

    private static IResult NotSet() =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "webhooks_not_set", "No webhooks are set for this account.", "Set them with PUT /v1/webhooks.");

    private static JsonObject Settings(WebhookSettings settings, string? secret)
    {
        var json = new JsonObject
        {
            ["receipts_url"] = settings.ReceiptsUrl,
            ["mo_url"] = settings.MoUrl,
            ["created_at"] = settings.CreatedAt,
            ["updated_at"] = settings.UpdatedAt,
        };
        if (secret is not null)
        {
            json["secret"] = secret;
        }

        return json;
    }

    private static JsonObject Delivery(WebhookDelivery r) => new()
    {
        ["id"] = r.Id.ToString(CultureInfo.InvariantCulture),
        ["event_id"] = r.EventId.ToString(CultureInfo.InvariantCulture),
        ["type"] = r.Kind.ToWireName(),
        ["message_id"] = r.MessageId?.ToString(),
        ["mo_id"] = r.MoId?.ToString(CultureInfo.InvariantCulture),
        ["attempt"] = r.Attempt,
        ["at"] = r.At,
        ["url"] = r.Url,
        ["http_status"] = r.HttpStatus,
        ["error"] = r.Error,
        ["duration_ms"] = Math.Round(r.Duration.TotalMilliseconds, 3),
        ["outcome"] = r.Outcome switch
        {
            WebhookAttemptOutcome.Delivered => "delivered",
            WebhookAttemptOutcome.Retrying => "retrying",
            _ => "given_up",
        },
    };
}
