using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>`pigeon senders add|list|remove`: the source addresses a customer may send from (none: any).</summary>
internal static class SendersCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("senders", "Sender ids a customer may send from: add, list, remove.") { Add(selection), List(selection), Remove(selection) };
        selection.AddTo(group);
        return group;
    }

    private static Option<string> Customer() => new("--customer") { Description = "The customer's name or id.", Required = true };

    private static Argument<string> Value() => new Argument<string>("VALUE")
    {
        Description = "Alphanumeric sender (at most 11 characters) or a number (E.164 digits, at most 15).",
    }.CheckSender();

    private static Argument<string> CheckSender(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? string.Empty;
            var digits = value.TrimStart('+');
            var ok = digits.Length > 0 && digits.All(char.IsAsciiDigit)
                ? digits.Length <= 15
                : value.Length is > 0 and <= 11 && value.All(c => c is >= ' ' and <= '~');
            if (!ok)
            {
                result.AddError($"VALUE must be an alphanumeric sender of at most 11 characters or a number of at most 15 digits; got '{value}'.");
            }
        });
        return argument;
    }

    private static string Normalize(string value) => value.TrimStart('+').All(char.IsAsciiDigit) ? value.TrimStart('+') : value;

    private static Command Add(StoreSelection selection)
    {
        var customer = Customer();
        var value = Value();
        var command = new Command("add", "Allow a customer to send from a sender id.") { customer, value };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var sender = await context.Provisioning.AddSenderIdAsync(new SenderId { Id = 0, CustomerId = owner.Id, Value = Normalize(context.Value(value)) }, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Sender(sender));
            }
            else
            {
                await context.Output.LineAsync($"sender {sender.Value} added for {owner.Name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var customer = Customer();
        var command = new Command("list", "List a customer's sender ids.") { customer };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var senders = await context.Provisioning.ListSenderIdsAsync(owner.Id, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["senders"] = ProvisioningJson.Array(senders.Select(ProvisioningJson.Sender)) });
            }
            else
            {
                await context.Output.TableAsync(["ID", "SENDER", "ACTIVE"], [.. senders.Select(s => (IReadOnlyList<string>)[Number(s.Id), s.Value, s.Active ? "yes" : "no"])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(StoreSelection selection)
    {
        var customer = Customer();
        var value = new Argument<string>("VALUE") { Description = "The sender id to remove." };
        var command = new Command("remove", "Stop a customer sending from a sender id.") { customer, value };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var wanted = Normalize(context.Value(value));
            var sender = (await context.Provisioning.ListSenderIdsAsync(owner.Id, ct)).FirstOrDefault(s => s.Value == wanted)
                ?? throw new ProvisioningFailedException($"customer {owner.Name} has no sender '{wanted}'.");
            await context.Provisioning.RemoveSenderIdAsync(sender.Id, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Sender(sender));
            }
            else
            {
                await context.Output.LineAsync($"sender {sender.Value} removed from {owner.Name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
