using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Routing;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>`pigeon routes add|list|remove`: which supplier gets which destination prefix, at what price per segment.</summary>
internal static class RoutesCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("routes", "Routes by destination prefix: add, list, remove.") { Add(selection), List(selection), Remove(selection) };
        selection.AddTo(group);
        return group;
    }

    private static Command Add(StoreSelection selection)
    {
        var prefix = new Option<string>("--prefix") { Description = "E.164 digit prefix; \"\" for a catch-all.", Required = true }
            .Check(v => (v ?? string.Empty).TrimStart('+') is var d && d.Length <= 15 && d.All(char.IsAsciiDigit) ? null : $"digits only; got '{v}'.");
        var supplier = new Option<string>("--supplier") { Description = "The supplier's name.", Required = true };
        var price = Amount("--price", "Price of one segment.", AmountSign.NotNegative);
        price.Required = true;
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency of the price.", DefaultValueFactory = _ => "EUR" }
            .Check(v => v is { Length: 3 } && v.All(char.IsAsciiLetter) ? null : $"a three-letter currency code like EUR; got '{v}'.");
        var customer = new Option<string?>("--customer") { Description = "Only for this customer (name or id); default: every customer." };
        var priority = new Option<int>("--priority") { Description = "Order among routes of the same prefix, lower first (failover follows).", DefaultValueFactory = _ => 0 }.InRange(0, 1_000_000);
        var command = new Command("add", "Add a route.") { prefix, supplier, price, currency, customer, priority };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var target = await SuppliersCommand.FindAsync(context, context.Value(supplier), ct);
            var owner = context.Parse.GetValue(customer) is { } reference ? await FindCustomerAsync(context.Provisioning, reference, ct) : null;
            var route = await context.Provisioning.CreateRouteAsync(new Route
            {
                Id = 0,
                Prefix = context.Value(prefix).TrimStart('+'),
                SupplierId = target.Id,
                CustomerId = owner?.Id,
                Price = context.Value(price),
                Currency = context.Value(currency).ToUpperInvariant(),
                Priority = context.Value(priority),
            }, ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(ProvisioningJson.Route(route, target.Name, owner?.Name));
            }
            else
            {
                await context.Output.LineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"route {route.Id} added: {(route.Prefix.Length == 0 ? "*" : route.Prefix + "*")} -> {target.Name} at {Money(route.Price)} {route.Currency}{(owner is null ? string.Empty : " for " + owner.Name)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var command = new Command("list", "List routes, longest prefix first.");
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var snapshot = await context.Provisioning.LoadSnapshotAsync(ct);
            var routes = snapshot.Routes.OrderByDescending(r => r.Prefix.Length).ThenBy(r => r.Prefix, StringComparer.Ordinal)
                .ThenBy(r => r.CustomerId is null).ThenBy(r => r.Priority).ThenBy(r => r.Id).ToList();
            string? SupplierName(long id) => snapshot.Suppliers.FirstOrDefault(s => s.Id == id)?.Name;
            string? CustomerName(long? id) => id is null ? null : snapshot.Customers.FirstOrDefault(c => c.Id == id)?.Name;
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["routes"] = ProvisioningJson.Array(routes.Select(r => ProvisioningJson.Route(r, SupplierName(r.SupplierId), CustomerName(r.CustomerId)))) });
            }
            else
            {
                await context.Output.TableAsync(
                    ["ID", "PREFIX", "CUSTOMER", "SUPPLIER", "PRICE", "CURRENCY", "PRIORITY"],
                    [.. routes.Select(r => (IReadOnlyList<string>)
                    [
                        Number(r.Id), r.Prefix.Length == 0 ? "*" : r.Prefix, CustomerName(r.CustomerId) ?? "(all)",
                        SupplierName(r.SupplierId) ?? Number(r.SupplierId), Money(r.Price), r.Currency, Number(r.Priority),
                    ])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(StoreSelection selection)
    {
        var id = new Argument<long>("ID") { Description = "The route's id (`pigeon routes list`)." };
        var command = new Command("remove", "Remove a route.") { id };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var routeId = context.Value(id);
            if (!await context.Provisioning.RemoveRouteAsync(routeId, ct))
            {
                throw new ProvisioningFailedException(string.Create(CultureInfo.InvariantCulture, $"no route {routeId}."));
            }

            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["id"] = routeId, ["removed"] = true });
            }
            else
            {
                await context.Output.LineAsync(string.Create(CultureInfo.InvariantCulture, $"route {routeId} removed"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
