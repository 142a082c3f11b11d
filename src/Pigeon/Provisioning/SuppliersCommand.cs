using System.CommandLine;
using System.Text.Json.Nodes;
using Pigeon.CommandLine;
using Pigeon.Gateway.Routing;
using static Pigeon.Provisioning.OperatorValues;

namespace Pigeon.Provisioning;

/// <summary>
/// `pigeon suppliers add|set|list|remove|admin-up|admin-down|suspend|resume`: the SMSCs Pigeon binds to. The supplier's
/// password is stored as given (it must be sent at bind) and never printed.
/// </summary>
internal static class SuppliersCommand
{
    public static Command Create(StoreSelection selection)
    {
        var group = new Command("suppliers", "Supplier SMSCs: add, set, list, remove, admin-up, admin-down, suspend, resume.")
        {
            Add(selection), Set(selection), List(selection), Remove(selection),
            Control(selection, "admin-up", "Hold the supplier's binds open (admin_up).", s => s with { AdminUp = true }),
            Control(selection, "admin-down", "Close the supplier's binds (admin_down).", s => s with { AdminUp = false }),
            Control(selection, "suspend", "Hold back submits while binds stay open and receipts flow (suspend_submit).", s => s with { SubmitSuspended = true }),
            Control(selection, "resume", "Submit again after suspend (resume_submit).", s => s with { SubmitSuspended = false }),
        };
        selection.AddTo(group);
        return group;
    }

    private static Command Add(StoreSelection selection)
    {
        var name = new Argument<string>("NAME") { Description = "Unique supplier name." };
        var host = new Option<string>("--host") { Description = "SMSC host.", Required = true };
        var port = new Option<int>("--port") { Description = "SMSC port.", Required = true }.InRange(1, 65535);
        var systemId = new Option<string>("--system-id") { Description = "system_id to bind with.", Required = true }.MaxLength(15);
        var password = new Option<string>("--password") { Description = "Password to bind with (never shown again).", Required = true }.MaxLength(8);
        var systemType = new Option<string>("--system-type") { Description = "system_type to bind with.", DefaultValueFactory = _ => string.Empty }.MaxLength(12);
        var binds = new Option<int>("--binds") { Description = "Transceiver binds to hold open.", DefaultValueFactory = _ => 1 }.InRange(1, 64);
        var window = new Option<int>("--window") { Description = "Outstanding submit_sm per bind.", DefaultValueFactory = _ => 64 }.InRange(1, 10_000);
        var tps = new Option<int>("--tps") { Description = "Submits per second over all binds (0: no cap).", DefaultValueFactory = _ => 0 }.InRange(0, 1_000_000);
        var tls = new Option<bool>("--tls") { Description = "Connect over TLS." };
        var command = new Command("add", "Add a supplier SMSC.") { name, host, port, systemId, password, systemType, binds, window, tps, tls };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var supplier = await context.Provisioning.CreateSupplierAsync(new Supplier
            {
                Id = 0,
                Name = context.Value(name),
                Host = context.Value(host),
                Port = context.Value(port),
                SystemId = context.Value(systemId),
                Password = context.Value(password),
                SystemType = context.Value(systemType),
                Binds = context.Value(binds),
                Window = context.Value(window),
                Tps = context.Value(tps),
                UseTls = context.Value(tls),
            }, ct);
            await WriteAsync(context, supplier, $"supplier {supplier.Name} added (id {Number(supplier.Id)}, {supplier.Host}:{Number(supplier.Port)})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(StoreSelection selection)
    {
        var name = new Argument<string>("NAME") { Description = "The supplier's name." };
        var host = new Option<string>("--host") { Description = "SMSC host." };
        var port = new Option<int>("--port") { Description = "SMSC port." }.InRange(1, 65535);
        var systemId = new Option<string>("--system-id") { Description = "system_id to bind with." }.MaxLength(15);
        var password = new Option<string>("--password") { Description = "Password to bind with (never shown again)." }.MaxLength(8);
        var systemType = new Option<string>("--system-type") { Description = "system_type to bind with." }.MaxLength(12);
        var binds = new Option<int>("--binds") { Description = "Transceiver binds to hold open." }.InRange(1, 64);
        var window = new Option<int>("--window") { Description = "Outstanding submit_sm per bind." }.InRange(1, 10_000);
        var tps = new Option<int>("--tps") { Description = "Submits per second over all binds (0: no cap)." }.InRange(0, 1_000_000);
        var tls = new Option<bool>("--tls") { Description = "Connect over TLS (--tls false: plain TCP)." };
        var command = new Command("set", "Change a supplier's connection and limits; what is not given stays. A running gateway rebinds within its refresh interval.")
        {
            name, host, port, systemId, password, systemType, binds, window, tps, tls,
        };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var supplier = await FindAsync(context, context.Value(name), ct);
            var parse = context.Parse;
            var changed = supplier with
            {
                Host = parse.GetResult(host) is null ? supplier.Host : parse.GetValue(host)!,
                Port = parse.GetResult(port) is null ? supplier.Port : parse.GetValue(port),
                SystemId = parse.GetResult(systemId) is null ? supplier.SystemId : parse.GetValue(systemId)!,
                Password = parse.GetResult(password) is null ? supplier.Password : parse.GetValue(password)!,
                SystemType = parse.GetResult(systemType) is null ? supplier.SystemType : parse.GetValue(systemType)!,
                Binds = parse.GetResult(binds) is null ? supplier.Binds : parse.GetValue(binds),
                Window = parse.GetResult(window) is null ? supplier.Window : parse.GetValue(window),
                Tps = parse.GetResult(tps) is null ? supplier.Tps : parse.GetValue(tps),
                UseTls = parse.GetResult(tls) is null ? supplier.UseTls : parse.GetValue(tls),
            };
            await context.Provisioning.UpdateSupplierAsync(changed, ct);
            await WriteAsync(context, changed, $"supplier {changed.Name} updated ({changed.Host}:{Number(changed.Port)}, {Number(changed.Binds)} binds, window {Number(changed.Window)}, tps {(changed.Tps == 0 ? "-" : Number(changed.Tps))})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(StoreSelection selection)
    {
        var command = new Command("list", "List suppliers (never their passwords).");
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var suppliers = await context.Provisioning.ListSuppliersAsync(ct);
            if (context.Output.Json)
            {
                await context.Output.JsonAsync(new JsonObject { ["suppliers"] = ProvisioningJson.Array(suppliers.Select(ProvisioningJson.Supplier)) });
            }
            else
            {
                await context.Output.TableAsync(
                    ["ID", "NAME", "ADDRESS", "SYSTEM_ID", "BINDS", "WINDOW", "TPS", "ADMIN", "SUBMIT"],
                    [.. suppliers.Select(s => (IReadOnlyList<string>)
                    [
                        Number(s.Id), s.Name, $"{s.Host}:{Number(s.Port)}{(s.UseTls ? " (tls)" : string.Empty)}", s.SystemId,
                        Number(s.Binds), Number(s.Window), s.Tps == 0 ? "-" : Number(s.Tps),
                        s.AdminUp ? "up" : "down", s.SubmitSuspended ? "suspended" : "on",
                    ])]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static async Task<Supplier> FindAsync(ProvisioningContext context, string name, CancellationToken ct) =>
        await context.Provisioning.FindSupplierAsync(name, ct)
            ?? throw new ProvisioningFailedException($"no supplier '{name}' (`pigeon suppliers list` shows them).");

    private static Command Remove(StoreSelection selection)
    {
        var name = new Argument<string>("NAME") { Description = "The supplier's name." };
        var command = new Command("remove", "Remove a supplier and its routes; messages keep its id in their history.") { name };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var supplier = await FindAsync(context, context.Value(name), ct);
            await context.Provisioning.RemoveSupplierAsync(supplier.Id, ct);
            await WriteAsync(context, supplier, $"supplier {supplier.Name} removed");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Control(StoreSelection selection, string verb, string description, Func<Supplier, Supplier> change)
    {
        var name = new Argument<string>("NAME") { Description = "The supplier's name." };
        var command = new Command(verb, description) { name };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var supplier = change(await FindAsync(context, context.Value(name), ct));
            await context.Provisioning.UpdateSupplierAsync(supplier, ct);
            await WriteAsync(context, supplier, $"supplier {supplier.Name}: admin {(supplier.AdminUp ? "up" : "down")}, submit {(supplier.SubmitSuspended ? "suspended" : "on")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(ProvisioningContext context, Supplier supplier, string line)
    {
        if (context.Output.Json)
        {
            await context.Output.JsonAsync(ProvisioningJson.Supplier(supplier));
        }
        else
        {
            await context.Output.LineAsync(line);
        }
    }
}
