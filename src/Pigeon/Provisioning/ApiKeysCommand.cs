using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon api-keys create|list|revoke`: keys for the HTTP APIs. A key acts for one customer (or, with --operator,
/// for the operator); its token is printed once at creation and only its hash is stored. A running gateway picks up
/// a new key at once and a revocation within its provisioning refresh interval.
/// </summary>
internal static class ApiKeysCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("api-keys", "Keys for the HTTP APIs: create, list, revoke.") { CreateKey(selection), List(selection), Revoke(selection) };
        selection.AddTo(group);
        return group;
    }

    private static Command CreateKey(StoreSelection selection)
    {
        var customer = new Option<string?>("--customer") { Description = "The customer (name or id) the key acts for." };
        var isOperator = new Option<bool>("--operator") { Description = "A key of the operator, acting for no customer (for the management API)." };
        var name = new Option<string>("--name") { Description = "A label to tell keys apart, e.g. 'billing server'.", DefaultValueFactory = _ => string.Empty };
        var allowIp = new Option<string[]>("--allow-ip")
        {
            Description = "Address or CIDR range requests with this key may come from (repeat for more; none: any).",
            AllowMultipleArgumentsPerToken = true,
        }.Check(v => IpAllowList.TryParse(v ?? [], out _, out var bad) ? null : $"not an address or CIDR range: '{bad}'.");
        var command = new Command("create", "Create an API key; its token is shown once.") { customer, isOperator, name, allowIp };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(customer) is null) == !result.GetValue(isOperator))
            {
                result.AddError("give either --customer or --operator.");
            }
        });
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            Customer? owner = context.Value(customer) is { } reference ? await FindCustomerAsync(context.Provisioning, reference, ct) : null;
            var (token, prefix, hash) = ApiKeyToken.Create();
            var key = await context.Provisioning.CreateApiKeyAsync(
                new ApiKey { Id = 0, CustomerId = owner?.Id, Name = context.Value(name), Prefix = prefix, SecretHash = hash, AllowedIps = context.Parse.GetValue(allowIp) ?? [] },
                ct);
            if (context.Output.Json)
            {
                var json = Json(key, owner?.Name);
                json["token"] = token;
                await context.Output.JsonAsync(json);
            }
            else
            {
                await context.Output.LineAsync($"API key {key.Prefix} created for {owner?.Name ?? "the operator"}; its token, shown only now:");
                await context.Output.LineAsync(token);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's keys (name or id); none: every key." };
        var command = new Command("list", "List API keys (never their tokens).") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            Customer? owner = context.Value(customer) is { } reference ? await FindCustomerAsync(context.Provisioning, reference, ct) : null;
            var keys = await context.Provisioning.ListApiKeysAsync(owner?.Id, ct);
            var names = (await context.Provisioning.ListCustomersAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
            string OwnerOf(ApiKey k) => k.CustomerId is { } id ? names.GetValueOrDefault(id, Number(id)) : "(operator)";
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["api_keys"] = ProvisioningJson.Array(keys.Select(k => Json(k, OwnerOf(k)))) });
            }
            else
            {
                await context.Output.TableAsync(
                    ["ID", "PREFIX", "CUSTOMER", "NAME", "CREATED", "LAST USED", "STATE"],
                    [.. keys.Select(k => (IReadOnlyList<string>)[
                        Number(k.Id), k.Prefix, OwnerOf(k), k.Name, Time(k.CreatedAt), k.LastUsedAt is { } used ? Time(used) : "never",
                        k.RevokedAt is { } revoked ? "revoked " + Time(revoked) : "active"])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(StoreSelection selection)
    {
        var key = new Argument<string>("KEY") { Description = "The key's prefix (pgn_…) or id." };
        var command = new Command("revoke", "Stop an API key from working.") { key };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var reference = context.Value(key);
            var keys = await context.Provisioning.ListApiKeysAsync(null, ct);
            var found = keys.FirstOrDefault(k => k.Prefix == reference || Number(k.Id) == reference)
                ?? throw new ProvisioningFailedException($"no API key '{reference}'.");
            var now = TimeProvider.System.GetUtcNow();
            if (!await context.Provisioning.RevokeApiKeyAsync(found.Id, now, ct))
            {
                throw new ProvisioningFailedException($"API key {found.Prefix} was revoked already.");
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(Json(found with { RevokedAt = now }, null));
            }
            else
            {
                await context.Output.LineAsync($"API key {found.Prefix} revoked");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject Json(ApiKey k, string? customerName) => new()
    {
        ["id"] = k.Id,
        ["prefix"] = k.Prefix,
        ["customer_id"] = k.CustomerId,
        ["customer"] = customerName,
        ["name"] = k.Name,
        ["allowed_ips"] = ProvisioningJson.Array(k.AllowedIps),
        ["created_at"] = k.CreatedAt,
        ["last_used_at"] = k.LastUsedAt,
        ["revoked_at"] = k.RevokedAt,
    };
}
