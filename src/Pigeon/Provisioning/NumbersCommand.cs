using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon numbers add|list|remove`: inbound numbers whose mobile-originated messages belong to a customer; and
/// `pigeon numbers block|unblock|blocked`: the block list of destinations (<see cref="BlockedNumbersCommands"/>).
/// </summary>
internal static class NumbersCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("numbers", "Inbound numbers for mobile-originated (MO) messages: add, list, remove; blocked destinations: block, unblock, blocked.") { Add(selection), List(selection), Remove(selection) };
        foreach (var command in BlockedNumbersCommands.Create(selection))
        {
            group.Subcommands.Add(command);
        }

        selection.AddTo(group);
        return group;
    }

    private static Argument<string> NumberArgument() => new("NUMBER") { Description = "E.164 digits (a leading '+' is dropped) or a short code." };

    private static string Normalize(string number) => number.Trim().TrimStart('+');

    private static string? Invalid(string number) =>
        number.Length is > 0 and <= 15 && number.All(char.IsAsciiDigit) ? null : $"NUMBER must be at most 15 digits; got '{number}'.";

    private static Command Add(StoreSelection selection)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name or id.", Required = true };
        var number = NumberArgument();
        number.Validators.Add(r =>
        {
            if (Invalid(Normalize(r.GetValueOrDefault<string>() ?? string.Empty)) is { } error)
            {
                r.AddError(error);
            }
        });
        var account = new Option<string?>("--smpp-account") { Description = "system_id of the account MO goes to (default: any bound receiver of the customer)." };
        var command = new Command("add", "Give a customer an inbound number.") { customer, number, account };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            long? accountId = null;
            if (context.Parse.GetValue(account) is { } systemId)
            {
                var found = await context.Provisioning.FindSmppAccountAsync(systemId, ct);
                if (found is null || found.CustomerId != owner.Id)
                {
                    throw new ProvisioningFailedException($"customer {owner.Name} has no SMPP account '{systemId}'.");
                }

                accountId = found.Id;
            }

            var added = await context.Provisioning.AddInboundNumberAsync(new InboundNumber { Number = Normalize(context.Value(number)), CustomerId = owner.Id, SmppAccountId = accountId }, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Number(added, context.Parse.GetValue(account)));
            }
            else
            {
                await context.Output.LineAsync($"number {added.Number} added for {owner.Name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's numbers (name or id)." };
        var command = new Command("list", "List inbound numbers.") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var snapshot = await context.Provisioning.LoadSnapshotAsync(ct);
            long? only = context.Parse.GetValue(customer) is { } reference ? (await FindCustomerAsync(context.Provisioning, reference, ct)).Id : null;
            var numbers = snapshot.InboundNumbers.Where(n => only is null || n.CustomerId == only).ToList();
            string? SystemId(long? id) => snapshot.SmppAccounts.FirstOrDefault(a => a.Id == id)?.SystemId;
            string CustomerName(long id) => snapshot.Customers.FirstOrDefault(c => c.Id == id)?.Name ?? Number(id);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["numbers"] = ProvisioningJson.Array(numbers.Select(n => ProvisioningJson.Number(n, SystemId(n.SmppAccountId)))) });
            }
            else
            {
                await context.Output.TableAsync(
                    ["NUMBER", "CUSTOMER", "SMPP_ACCOUNT"],
                    [.. numbers.Select(n => (IReadOnlyList<string>)[n.Number, CustomerName(n.CustomerId), SystemId(n.SmppAccountId) ?? "any"])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(StoreSelection selection)
    {
        var number = NumberArgument();
        var command = new Command("remove", "Take an inbound number away.") { number };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var value = Normalize(context.Value(number));
            if (!await context.Provisioning.RemoveInboundNumberAsync(value, ct))
            {
                throw new ProvisioningFailedException($"no inbound number '{value}'.");
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["number"] = value, ["removed"] = true });
            }
            else
            {
                await context.Output.LineAsync($"number {value} removed");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
