using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon numbers block|unblock|blocked`: the block list of destinations, for every customer or (with --customer)
/// for one. A running gateway picks changes up with its provisioning refresh; every front end honours them.
/// </summary>
internal static class BlockedNumbersCommands
{
    public static IEnumerable<Command> Create(StoreSelection selection) => [Block(selection), Unblock(selection), Blocked(selection)];

    private static Option<string> NumberOption()
    {
        var option = new Option<string>("--number") { Description = "The destination in E.164 digits (a leading '+' is dropped).", Required = true };
        option.Validators.Add(r =>
        {
            var value = Normalize(r.GetValueOrDefault<string>() ?? string.Empty);
            if (value.Length is 0 or > 15 || !value.All(char.IsAsciiDigit))
            {
                r.AddError($"--number must be E.164 digits (at most 15); got '{value}'.");
            }
        });
        return option;
    }

    private static Option<string?> CustomerOption(string description) => new("--customer") { Description = description };

    private static string Normalize(string number) => number.Trim().TrimStart('+');

    private static async Task<Customer?> ScopeAsync(ProvisioningContext context, Option<string?> customer, CancellationToken cancellationToken) =>
        context.Parse.GetValue(customer) is { } reference ? await FindCustomerAsync(context.Provisioning, reference, cancellationToken) : null;

    private static string ScopeText(Customer? owner) => owner is null ? "for every customer" : $"for {owner.Name}";

    private static Command Block(StoreSelection selection)
    {
        var number = NumberOption();
        var customer = CustomerOption("Block it for this customer only (name or id); without it, for every customer.");
        var command = new Command("block", "Block a destination: no message is sent to it.") { number, customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await ScopeAsync(context, customer, ct);
            var value = Normalize(context.Value(number));
            if (!await context.Provisioning.BlockNumberAsync(new BlockedNumber { Number = value, CustomerId = owner?.Id }, ct))
            {
                throw new ProvisioningFailedException($"{value} is blocked {ScopeText(owner)} already.");
            }

            await WriteAsync(context, value, owner, blocked: true, $"number {value} blocked {ScopeText(owner)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Unblock(StoreSelection selection)
    {
        var number = NumberOption();
        var customer = CustomerOption("Lift the block for this customer (name or id); without it, the block for every customer.");
        var command = new Command("unblock", "Lift a block of a destination.") { number, customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await ScopeAsync(context, customer, ct);
            var value = Normalize(context.Value(number));
            if (!await context.Provisioning.UnblockNumberAsync(value, owner?.Id, ct))
            {
                throw new ProvisioningFailedException($"{value} is not blocked {ScopeText(owner)}.");
            }

            await WriteAsync(context, value, owner, blocked: false, $"number {value} unblocked {ScopeText(owner)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Blocked(StoreSelection selection)
    {
        var customer = CustomerOption("Only the numbers blocked for this customer (its own and the operator-wide ones).");
        var number = new Option<string?>("--number") { Description = "Only this number." };
        var command = new Command("blocked", "List blocked destinations.") { customer, number };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await ScopeAsync(context, customer, ct);
            var only = context.Parse.GetValue(number) is { } wanted ? Normalize(wanted) : null;
            var snapshot = await context.Provisioning.LoadSnapshotAsync(ct);
            var numbers = (await context.Provisioning.ListBlockedNumbersAsync(owner?.Id, ct)).Where(n => only is null || n.Number == only).ToList();
            string CustomerName(long? id) => id is { } c ? snapshot.Customers.FirstOrDefault(x => x.Id == c)?.Name ?? Number(c) : "*";
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject
                {
                    ["blocked"] = ProvisioningJson.Array(numbers.Select(n => new JsonObject
                    {
                        ["number"] = n.Number,
                        ["customer_id"] = n.CustomerId,
                        ["customer"] = n.CustomerId is null ? null : CustomerName(n.CustomerId),
                        ["created_at"] = n.CreatedAt,
                    })),
                });
            }
            else
            {
                await context.Output.TableAsync(["NUMBER", "CUSTOMER", "SINCE"], [.. numbers.Select(n => (IReadOnlyList<string>)[n.Number, CustomerName(n.CustomerId), Time(n.CreatedAt)])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(ProvisioningContext context, string number, Customer? owner, bool blocked, string line)
    {
        if (context.Output.Json)
        {
            await context.Output.JsonAsync(new JsonObject { ["number"] = number, ["customer_id"] = owner?.Id, ["blocked"] = blocked });
        }
        else
        {
            await context.Output.LineAsync(line);
        }
    }
}
