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
        var (host, port, systemId, password, systemType, binds, window, tps, tls) = SettingOptions();
        host.Required = port.Required = systemId.Required = password.Required = true;
        systemType.DefaultValueFactory = _ => string.Empty;
        binds.DefaultValueFactory = _ => 1;
        window.DefaultValueFactory = _ => 64;
        tps.DefaultValueFactory = _ => 0;
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
        var (host, port, systemId, password, systemType, binds, window, tps, tls) = SettingOptions();
        var command = new Command("set", "Change a supplier's connection and limits; what is not given stays. A running gateway rebinds within its refresh interval.")
        {
            name, host, port, systemId, password, systemType, binds, window, tps, tls,
        };
        ProvisioningAction.Set(command, selection, async (context, ct) =>
        {
            var supplier = await FindAsync(context, context.Value(name), ct);
            T Given<T>(Option<T> option, T current) => context.Parse.GetResult(option) is null ? current : context.Parse.GetValue(option)!;
            var changed = supplier with
            {
                Host = Given(host, supplier.Host),
                Port = Given(port, supplier.Port),
                SystemId = Given(systemId, supplier.SystemId),
                Password = Given(password, supplier.Password),
                SystemType = Given(systemType, supplier.SystemType),
                Binds = Given(binds, supplier.Binds),
                Window = Given(window, supplier.Window),
                Tps = Given(tps, supplier.Tps),
                UseTls = Given(tls, supplier.UseTls),
            };
            await context.Provisioning.UpdateSupplierAsync(changed, ct);
            await WriteAsync(context, changed, $"supplier {changed.Name} updated ({changed.Host}:{Number(changed.Port)}, {Number(changed.Binds)} binds, window {Number(changed.Window)}, tps {(changed.Tps == 0 ? "-" : Number(changed.Tps))})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The options naming a supplier's connection and limits, as `add` and `set` share them.</summary>
    private static (Option<string> Host, Option<int> Port, Option<string> SystemId, Option<string> Password, Option<string> SystemType,
        Option<int> Binds, Option<int> Window, Option<int> Tps, Option<bool> Tls) SettingOptions() =>
        (new Option<string>("--host") { Description = "SMSC host." },
         new Option<int>("--port") { Description = "SMSC port." }.InRange(1, 65535),
         new Option<string>("--system-id") { Description = "system_id to bind with." }.MaxLength(15),
         new Option<string>("--password") { Description = "Password to bind with (never shown again)." }.MaxLength(8),
         new Option<string>("--system-type") { Description = "system_type to bind with." }.MaxLength(12),
         new Option<int>("--binds") { Description = "Transceiver binds to hold open." }.InRange(1, 64),
         new Option<int>("--window") { Description = "Outstanding submit_sm per bind." }.InRange(1, 10_000),
         new Option<int>("--tps") { Description = "Submits per second over all binds (0: no cap)." }.InRange(0, 1_000_000),
         new Option<bool>("--tls") { Description = "Connect over TLS (with set: --tls false for plain TCP)." });

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
