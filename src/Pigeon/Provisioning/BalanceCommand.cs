using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>`pigeon balance add|show`: move a customer's balance through the ledger, and read it back.</summary>
internal static class BalanceCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("balance", "Customers' balances: add (credit or correct) and show with the ledger.") { Add(selection), Show(selection) };
        selection.AddTo(group);
        return group;
    }

    private static Command Add(StoreSelection selection)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name or id.", Required = true };
        var amount = Amount("--amount", "Amount to add (a credit); a negative amount is recorded as an adjustment.", AmountSign.NotZero);
        amount.Required = true;
        var reason = new Option<string?>("--reason") { Description = "Why, kept in the ledger." };
        var command = new Command("add", "Credit a customer (or correct its balance with a negative amount).") { customer, amount, reason };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var value = context.Value(amount);
            var why = context.Parse.GetValue(reason) ?? (value > 0m ? "operator credit" : "operator adjustment");
            var balance = value > 0m
                ? await context.Provisioning.CreditAsync(owner.Id, value, why, ct)
                : await context.Provisioning.AdjustBalanceAsync(owner.Id, value, why, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject
                {
                    ["customer_id"] = owner.Id,
                    ["customer"] = owner.Name,
                    ["amount"] = value,
                    ["balance"] = balance,
                    ["currency"] = owner.Currency,
                });
            }
            else
            {
                await context.Output.LineAsync($"{owner.Name}: {(value > 0m ? "+" : string.Empty)}{Money(value)} {owner.Currency}, balance {Money(balance)} {owner.Currency}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(StoreSelection selection)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name or id.", Required = true };
        var last = new Option<int>("--last") { Description = "Ledger entries to show, newest first.", DefaultValueFactory = _ => 20 }.InRange(1, 1000);
        var command = new Command("show", "Show a customer's balance and its latest ledger entries.") { customer, last };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var owner = await FindCustomerAsync(context.Provisioning, context.Value(customer), ct);
            var entries = await context.Provisioning.ListLedgerAsync(owner.Id, null, context.Value(last), ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject
                {
                    ["customer_id"] = owner.Id,
                    ["customer"] = owner.Name,
                    ["balance"] = owner.Balance,
                    ["currency"] = owner.Currency,
                    ["ledger"] = ProvisioningJson.Array(entries.Select(ProvisioningJson.Ledger)),
                });
                return ExitCodes.Success;
            }

            await context.Output.LineAsync($"{owner.Name}: balance {Money(owner.Balance)} {owner.Currency}");
            await context.Output.LineAsync(string.Empty);
            await context.Output.TableAsync(
                ["ID", "WHEN", "KIND", "AMOUNT", "REASON", "MESSAGE"],
                [.. entries.Select(e => (IReadOnlyList<string>)
                [
                    Number(e.Id), Time(e.CreatedAt), e.Kind.ToString().ToLowerInvariant(), Money(e.Amount), e.Reason, e.MessageId?.ToString() ?? string.Empty,
                ])]);
            return ExitCodes.Success;
        });
        return command;
    }
}
