using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon smpp-accounts add|list|remove|disable|enable|set`: customers' SMPP logins. A password is stored only as
/// its hash (<see cref="PasswordHasher"/>); one Pigeon generates is printed once, by `add`, and never again.
/// </summary>
internal static class SmppAccountsCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("smpp-accounts", "Customers' SMPP logins: add, list, remove, disable, enable, set.")
        {
            Add(selection), List(selection), Remove(selection),
            Switch(selection, "disable", on: false), Switch(selection, "enable", on: true),
            Set(selection),
        };
        selection.AddTo(group);
        return group;
    }

    private static Option<string> Password() =>
        new Option<string>("--password") { Description = "Password, at most 8 characters (SMPP v3.4)." }
            .MaxLength(SecretGenerator.MaxSmppPasswordLength)
            .Check(v => v is { Length: > 0 } ? null : "the password must not be empty.");

    private static Option<string[]> AllowIp() => new Option<string[]>("--allow-ip")
    {
        Description = "Address or CIDR range binds may come from (repeat for more; none: any).",
        AllowMultipleArgumentsPerToken = true,
    }.Check(v => IpAllowList.TryParse(v ?? [], out _, out var bad) ? null : $"not an address or CIDR range: '{bad}'.");

    private static Option<string[]> Cug() => new Option<string[]>("--cug")
    {
        Description = "Closed user group: a number, or a prefix ending in '*', the account may send to (repeat for more; none: any).",
        AllowMultipleArgumentsPerToken = true,
    }.Check(v => (v ?? []).FirstOrDefault(e => !IsCugEntry(e)) is { } bad ? $"expected E.164 digits, optionally ending in '*'; got '{bad}'." : null);

    private static bool IsCugEntry(string entry)
    {
        var digits = entry.TrimStart('+').TrimEnd('*');
        return digits.Length > 0 && digits.Length <= 15 && digits.All(char.IsAsciiDigit) && entry.Count(c => c == '*') <= 1;
    }

    private static Command Add(StoreSelection selection)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name or id.", Required = true };
        var systemId = new Option<string>("--system-id") { Description = "system_id, at most 15 characters (default: generated)." }
            .MaxLength(SecretGenerator.MaxSystemIdLength)
            .Check(v => v is { Length: > 0 } && !v.Any(char.IsWhiteSpace) ? null : "a system_id without spaces.");
        var password = Password();
        var maxBinds = new Option<int>("--max-binds") { Description = "Most concurrent binds.", DefaultValueFactory = _ => 4 }.InRange(1, 1000);
        var tps = new Option<int>("--tps") { Description = "Submits per second over all binds (0: no limit).", DefaultValueFactory = _ => 0 }.InRange(0, 1_000_000);
        var allowIp = AllowIp();
        var cug = Cug();
        var command = new Command("add", "Create an SMPP account; a generated password is printed this once only.")
        {
            customer, systemId, password, maxBinds, tps, allowIp, cug,
        };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var id = context.Parse.GetValue(systemId) ?? SecretGenerator.NewSystemId();
            var secret = context.Parse.GetValue(password) ?? SecretGenerator.NewSmppPassword();
            var account = await context.Provisioning.CreateSmppAccountAsync(new SmppAccount
            {
                Id = 0,
                CustomerId = owner.Id,
                SystemId = id,
                PasswordHash = new PasswordHasher().Hash(secret),
                MaxBinds = context.Value(maxBinds),
                Tps = context.Value(tps),
                AllowedIps = context.Parse.GetValue(allowIp) ?? [],
                ClosedUserGroup = context.Parse.GetValue(cug) ?? [],
            }, ct);
            if (context.Output.Json)
            {
                var json = ProvisioningJson.SmppAccount(account, owner.Name);
                json["password"] = secret;
                await context.Output.JsonAsync(json);
            }
            else
            {
                await context.Output.FieldsAsync(
                [
                    ("customer", owner.Name),
                    ("system_id", account.SystemId),
                    ("password", secret),
                ]);
                await context.Output.LineAsync("The password is shown this once: only its hash is stored.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's accounts (name or id)." };
        var command = new Command("list", "List SMPP accounts (never their passwords).") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var customers = context.Parse.GetValue(customer) is { } reference
                ? [await FindCustomerAsync(context.Provisioning, reference, ct)]
                : await context.Provisioning.ListCustomersAsync(ct);
            var accounts = new List<(SmppAccount Account, Customer Owner)>();
            foreach (var owner in customers)
            {
                accounts.AddRange((await context.Provisioning.ListSmppAccountsAsync(owner.Id, ct)).Select(a => (a, owner)));
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject
                {
                    ["smpp_accounts"] = ProvisioningJson.Array(accounts.Select(a => ProvisioningJson.SmppAccount(a.Account, a.Owner.Name))),
                });
            }
            else
            {
                await context.Output.TableAsync(
                    ["CUSTOMER", "SYSTEM_ID", "BIND", "SUBMIT", "MAX_BINDS", "TPS", "ALLOW_IP", "CUG"],
                    [.. accounts.Select(a => (IReadOnlyList<string>)[a.Owner.Name, .. Row(a.Account)])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>An account as a table row: SYSTEM_ID, BIND, SUBMIT, MAX_BINDS, TPS, ALLOW_IP, CUG.</summary>
    public static IReadOnlyList<string> Row(SmppAccount a) =>
    [
        a.SystemId,
        a.BindEnabled ? "enabled" : "disabled",
        a.SubmitEnabled ? "enabled" : "disabled",
        Number(a.MaxBinds),
        a.Tps == 0 ? "-" : Number(a.Tps),
        a.AllowedIps.Count == 0 ? "any" : string.Join(' ', a.AllowedIps),
        a.ClosedUserGroup.Count == 0 ? "-" : string.Join(' ', a.ClosedUserGroup),
    ];

    private static async Task<SmppAccount> FindAsync(ProvisioningContext context, string systemId, CancellationToken ct) =>
        await context.Provisioning.FindSmppAccountAsync(systemId, ct)
            ?? throw new ProvisioningFailedException($"no SMPP account with system_id '{systemId}'.");

    private static Command Remove(StoreSelection selection)
    {
        var systemId = new Argument<string>("SYSTEM_ID") { Description = "The account's system_id." };
        var command = new Command("remove", "Delete an SMPP account.") { systemId };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var account = await FindAsync(context, context.Value(systemId), ct);
            await context.Provisioning.RemoveSmppAccountAsync(account.Id, ct);
            await WriteAsync(context, account, $"SMPP account {account.SystemId} removed");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Switch(StoreSelection selection, string verb, bool on)
    {
        var systemId = new Argument<string>("SYSTEM_ID") { Description = "The account's system_id." };
        var bind = new Option<bool>("--bind") { Description = $"Only {(on ? "allow" : "refuse")} binds (bind_{verb})." };
        var submit = new Option<bool>("--submit") { Description = $"Only {(on ? "allow" : "refuse")} submits, binds and receipts unaffected (submit_{verb})." };
        var command = new Command(verb, $"{(on ? "Allow" : "Refuse")} binds and submits of an SMPP account (both unless --bind or --submit).") { systemId, bind, submit };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var account = await FindAsync(context, context.Value(systemId), ct);
            var both = !context.Value(bind) && !context.Value(submit);
            var changed = account with
            {
                BindEnabled = both || context.Value(bind) ? on : account.BindEnabled,
                SubmitEnabled = both || context.Value(submit) ? on : account.SubmitEnabled,
            };
            await context.Provisioning.UpdateSmppAccountAsync(changed, ct);
            await WriteAsync(context, changed, $"SMPP account {changed.SystemId}: bind {(changed.BindEnabled ? "enabled" : "disabled")}, submit {(changed.SubmitEnabled ? "enabled" : "disabled")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(StoreSelection selection)
    {
        var systemId = new Argument<string>("SYSTEM_ID") { Description = "The account's system_id." };
        var tps = new Option<int>("--tps") { Description = "Submits per second over all binds (0: no limit)." }.InRange(0, 1_000_000);
        var maxBinds = new Option<int>("--max-binds") { Description = "Most concurrent binds." }.InRange(1, 1000);
        var password = Password();
        var allowIp = AllowIp();
        var cug = Cug();
        var command = new Command("set", "Change an SMPP account's settings; what is not given stays.") { systemId, tps, maxBinds, password, allowIp, cug };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var account = await FindAsync(context, context.Value(systemId), ct);
            var parse = context.Parse;
            var changed = account with
            {
                Tps = parse.GetResult(tps) is null ? account.Tps : parse.GetValue(tps),
                MaxBinds = parse.GetResult(maxBinds) is null ? account.MaxBinds : parse.GetValue(maxBinds),
                PasswordHash = parse.GetValue(password) is { } secret ? new PasswordHasher().Hash(secret) : account.PasswordHash,
                AllowedIps = parse.GetResult(allowIp) is null ? account.AllowedIps : parse.GetValue(allowIp) ?? [],
                ClosedUserGroup = parse.GetResult(cug) is null ? account.ClosedUserGroup : parse.GetValue(cug) ?? [],
            };
            await context.Provisioning.UpdateSmppAccountAsync(changed, ct);
            await WriteAsync(context, changed, $"SMPP account {changed.SystemId} updated");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(ProvisioningContext context, SmppAccount account, string line)
    {
        if (context.Output.Json)
        {
            await context.Output.JsonAsync(ProvisioningJson.SmppAccount(account, null));
        }
        else
        {
            await context.Output.LineAsync(line);
        }
    }
}
