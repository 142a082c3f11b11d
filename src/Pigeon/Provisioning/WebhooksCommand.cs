using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Webhooks;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon webhooks set|show|rotate-secret|remove|log`: a customer's webhook endpoints, signing secret and delivery
/// log. The secret is printed once, when created or rotated; `show` never prints it. A URL whose host is a private IP
/// address is refused unless Pigeon:Webhooks:AllowPrivateAddresses is on, read as `pigeon serve` reads it
/// (appsettings.json in the current directory, then PIGEON__Webhooks__AllowPrivateAddresses).
/// </summary>
internal static class WebhooksCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("webhooks", "A customer's webhook endpoints and signing secret: set, show, rotate-secret, remove, log.")
        {
            Set(selection), Show(selection), RotateSecret(selection), Remove(selection), Log(selection),
        };
        selection.AddTo(group);
        return group;
    }

    private static Option<string> Customer() => new("--customer") { Description = "The customer's name or id.", Required = true };

    private static Option<string?> Url(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: > 0 } url && WebhookUrl.Check(url, AllowPrivateAddresses()) is { } problem)
            {
                result.AddError($"{name}: {problem}");
            }
        });
        return option;
    }

    private static Command Set(StoreSelection selection)
    {
        var customer = Customer();
        var receipts = Url("--receipts", "Where message status events go (\"\" clears it).");
        var mo = Url("--mo", "Where MO events go (\"\" clears it).");
        var command = new Command("set", "Set a customer's webhook URLs; the first time, a signing secret is made and printed once.") { customer, receipts, mo };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var current = await context.Store.Webhooks.GetSettingsAsync(owner.Id, ct);
            var change = await context.Store.Webhooks.SetUrlsAsync(
                owner.Id,
                Merge(context.Parse.GetValue(receipts), current?.ReceiptsUrl),
                Merge(context.Parse.GetValue(mo), current?.MoUrl),
                WebhookSecrets.New(),
                ct);
            await PrintAsync(context, owner, change.Settings, change.Created ? change.Settings.Secret : null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(StoreSelection selection)
    {
        var customer = Customer();
        var command = new Command("show", "Show a customer's webhook URLs (not the secret).") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var settings = await context.Store.Webhooks.GetSettingsAsync(owner.Id, ct)
                ?? throw new ProvisioningFailedException($"customer {owner.Name} has no webhooks; set them with `pigeon webhooks set`.");
            await PrintAsync(context, owner, settings, secret: null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RotateSecret(StoreSelection selection)
    {
        var customer = Customer();
        var command = new Command("rotate-secret", "Replace a customer's signing secret and print the new one once.") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var settings = await context.Store.Webhooks.RotateSecretAsync(owner.Id, WebhookSecrets.New(), ct)
                ?? throw new ProvisioningFailedException($"customer {owner.Name} has no webhooks; set them with `pigeon webhooks set`.");
            await PrintAsync(context, owner, settings, settings.Secret);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(StoreSelection selection)
    {
        var customer = Customer();
        var command = new Command("remove", "Remove a customer's webhook settings; events still owed to its URLs are given up.") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            if (!await context.Store.Webhooks.RemoveSettingsAsync(owner.Id, ct))
            {
                throw new ProvisioningFailedException($"customer {owner.Name} has no webhooks.");
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["customer_id"] = owner.Id, ["removed"] = true });
            }
            else
            {
                await context.Output.LineAsync($"webhooks of {owner.Name} removed");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Log(StoreSelection selection)
    {
        var customer = Customer();
        var limit = new Option<int>("--limit") { Description = "Attempts per page.", DefaultValueFactory = _ => 50 }.InRange(1, 1000);
        var before = new Option<long?>("--before") { Description = "Cursor: the 'next' value of the previous page." };
        var command = new Command("log", "A customer's webhook delivery attempts, newest first, a page at a time.") { customer, limit, before };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var pageSize = context.Value(limit);
            var rows = await context.Store.Webhooks.ListDeliveriesAsync(owner.Id, context.Parse.GetValue(before), pageSize, ct);
            long? next = rows.Count == pageSize ? rows[^1].Id : null;
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["deliveries"] = ProvisioningJson.Array(rows.Select(Delivery)), ["next"] = next });
                return ExitCodes.Success;
            }

            await context.Output.TableAsync(
                ["ID", "EVENT", "TYPE", "ABOUT", "ATTEMPT", "AT", "RESULT", "MS", "OUTCOME", "URL"],
                [.. rows.Select(r => (IReadOnlyList<string>)[
                    Number(r.Id), Number(r.EventId), r.Kind.ToWireName(), About(r), Number(r.Attempt), Time(r.At),
                    r.Error ?? (r.HttpStatus is { } status ? Number(status) : ""),
                    r.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), Outcome(r.Outcome), r.Url])]);
            if (next is { } cursor)
            {
                await context.Output.LineAsync($"next: --before {Number(cursor)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The setting of `pigeon serve` from the same sources; anything but "true" leaves the guard on.</summary>
    private static bool AllowPrivateAddresses()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return bool.TryParse(configuration[WebhookUrl.AllowPrivateAddressesSetting], out var allow) && allow;
    }

    /// <summary>A given value replaces (empty clears); an absent one keeps what is set.</summary>
    private static string? Merge(string? given, string? current) => given is null ? current : given.Length == 0 ? null : given;

    private static async Task PrintAsync(ProvisioningContext context, Customer owner, WebhookSettings settings, string? secret)
    {
        if (context.Output.Json)
        {
            var json = new JsonObject
            {
                ["customer_id"] = owner.Id,
                ["customer"] = owner.Name,
                ["receipts_url"] = settings.ReceiptsUrl,
                ["mo_url"] = settings.MoUrl,
                ["created_at"] = settings.CreatedAt,
                ["updated_at"] = settings.UpdatedAt,
            };
            if (secret is not null)
            {
                json["secret"] = secret;
            }

            await context.Output.JsonAsync(json);
            return;
        }

        var fields = new List<(string, string)>
        {
            ("customer", owner.Name),
            ("receipts URL", settings.ReceiptsUrl ?? "(none)"),
            ("MO URL", settings.MoUrl ?? "(none)"),
            ("updated", Time(settings.UpdatedAt)),
        };
        if (secret is not null)
        {
            fields.Add(("secret", secret));
        }

        await context.Output.FieldsAsync(fields);
        if (secret is not null)
        {
            await context.Output.LineAsync("Keep the secret now: it is not shown again (rotate-secret makes a new one).");
        }
    }

    private static JsonObject Delivery(WebhookDelivery r) => new()
    {
        ["id"] = r.Id,
        ["event_id"] = r.EventId,
        ["type"] = r.Kind.ToWireName(),
        ["message_id"] = r.MessageId?.ToString(),
        ["mo_id"] = r.MoId,
        ["attempt"] = r.Attempt,
        ["at"] = r.At,
        ["url"] = r.Url,
        ["http_status"] = r.HttpStatus,
        ["error"] = r.Error,
        ["duration_ms"] = Math.Round(r.Duration.TotalMilliseconds, 3),
        ["outcome"] = Outcome(r.Outcome),
    };

    private static string About(WebhookDelivery r) => r.MessageId?.ToString() ?? (r.MoId is { } mo ? "mo " + Number(mo) : "");

    private static string Outcome(WebhookAttemptOutcome outcome) => outcome switch
    {
        WebhookAttemptOutcome.Delivered => "delivered",
        WebhookAttemptOutcome.Retrying => "retrying",
        _ => "given_up",
    };
}
