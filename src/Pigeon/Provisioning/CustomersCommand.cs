using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Accounts;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>`pigeon customers add|list|show|disable|enable`: the tenants, their balance, accounts and senders.</summary>
internal static class CustomersCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("customers", "Customers (tenants): create, list, show, disable and enable.")
        {
            Add(selection), List(selection), Show(selection),
            SetStatus(selection, "disable", CustomerStatus.Suspended, "Suspend a customer: its binds and submits are refused, its data kept."),
            SetStatus(selection, "enable", CustomerStatus.Active, "Make a suspended customer active again."),
        };
        selection.AddTo(group);
        return group;
    }

    private static Command Add(StoreSelection selection)
    {
        var name = new Argument<string>("NAME") { Description = "Unique customer name." };
        var country = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2 country, the default for numbers given without one.", DefaultValueFactory = _ => "GB" }
            .Check(v => v is { Length: 2 } && v.All(char.IsAsciiLetter) ? null : $"a two-letter country code like GB; got '{v}'.");
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency of the balance.", DefaultValueFactory = _ => "EUR" }
            .Check(v => v is { Length: 3 } && v.All(char.IsAsciiLetter) ? null : $"a three-letter currency code like EUR; got '{v}'.");
        var credit = Amount("--credit", "Opening credit, added through the ledger.", AmountSign.Positive);
        var command = new Command("add", "Create a customer.") { name, country, currency, credit };
        name.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("NAME must not be empty.");
            }
        });
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var customer = await context.Provisioning.CreateCustomerAsync(new Customer
            {
                Id = 0,
                Name = context.Value(name).Trim(),
                Country = context.Value(country).ToUpperInvariant(),
                Currency = context.Value(currency).ToUpperInvariant(),
            }, ct);
            if (context.Parse.GetResult(credit) is not null)
            {
                var balance = await context.Provisioning.CreditAsync(customer.Id, context.Value(credit), "opening credit", ct);
                customer = customer with { Balance = balance };
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Customer(customer));
            }
            else
            {
                await context.Output.LineAsync($"customer {customer.Name} created (id {Number(customer.Id)}, {customer.Country}, balance {Money(customer.Balance)} {customer.Currency})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var command = new Command("list", "List every customer with status and balance.");
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var customers = await context.Provisioning.ListCustomersAsync(ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["customers"] = ProvisioningJson.Array(customers.Select(ProvisioningJson.Customer)) });
            }
            else
            {
                await context.Output.TableAsync(
                    ["ID", "NAME", "COUNTRY", "STATUS", "BALANCE", "CURRENCY", "CREATED"],
                    [.. customers.Select(c => (IReadOnlyList<string>)[Number(c.Id), c.Name, c.Country, Status(c.Status), Money(c.Balance), c.Currency, Time(c.CreatedAt)])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(StoreSelection selection)
    {
        var reference = new Argument<string>("CUSTOMER") { Description = "The customer's name or id." };
        var command = new Command("show", "Show a customer: balance, SMPP accounts, sender ids and inbound numbers.") { reference };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var customer = await FindCustomerAsync(context.Provisioning, context.Value(reference), ct);
            var accounts = await context.Provisioning.ListSmppAccountsAsync(customer.Id, ct);
            var senders = await context.Provisioning.ListSenderIdsAsync(customer.Id, ct);
            var numbers = await context.Provisioning.ListInboundNumbersAsync(customer.Id, ct);
            if (context.Output.Json)
            {
                var json = ProvisioningJson.Customer(customer);
                json["smpp_accounts"] = ProvisioningJson.Array(accounts.Select(a => ProvisioningJson.SmppAccount(a, customer.Name)));
                json["senders"] = ProvisioningJson.Array(senders.Select(ProvisioningJson.Sender));
                json["numbers"] = ProvisioningJson.Array(numbers.Select(n => ProvisioningJson.Number(n, accounts.FirstOrDefault(a => a.Id == n.SmppAccountId)?.SystemId)));
                await context.Output.JsonAsync(json);
                return ExitCodes.Success;
            }

            await context.Output.FieldsAsync(
            [
                ("customer", customer.Name),
                ("id", Number(customer.Id)),
                ("status", Status(customer.Status)),
                ("country", customer.Country),
                ("balance", $"{Money(customer.Balance)} {customer.Currency}"),
                ("created", Time(customer.CreatedAt)),
                ("senders", senders.Count == 0 ? "(none: any sender)" : string.Join(", ", senders.Select(s => s.Value))),
                ("numbers", numbers.Count == 0 ? "(none)" : string.Join(", ", numbers.Select(n => n.Number))),
            ]);
            await context.Output.LineAsync(string.Empty);
            await context.Output.TableAsync(
                ["SYSTEM_ID", "BIND", "SUBMIT", "MAX_BINDS", "TPS", "ALLOW_IP", "CUG"],
                [.. accounts.Select(SmppAccountsCommand.Row)]);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetStatus(StoreSelection selection, string verb, CustomerStatus status, string description)
    {
        var reference = new Argument<string>("CUSTOMER") { Description = "The customer's name or id." };
        var command = new Command(verb, description) { reference };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var customer = await FindCustomerAsync(context.Provisioning, context.Value(reference), ct);
            await context.Provisioning.SetCustomerStatusAsync(customer.Id, status, ct);
            customer = customer with { Status = status };
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Customer(customer));
            }
            else
            {
                await context.Output.LineAsync($"customer {customer.Name} is {Status(status)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static string Status(CustomerStatus status) => status.ToString().ToLowerInvariant();
}
