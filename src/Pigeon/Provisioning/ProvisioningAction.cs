using System.CommandLine;
using Pigeon.CommandLine;
using Pigeon.Gateway.Storage;

namespace Pigeon.Provisioning;

/// <summary>
/// Runs a provisioning command's body against the selected store and turns its failures into exit codes: a
/// refusal (<see cref="ProvisioningFailedException"/>, <see cref="NameTakenException"/>) prints one clear line on
/// standard error and exits <see cref="ExitCodes.Failure"/>.
/// </summary>
internal static class ProvisioningAction
{
    public static void Set(Command command, StoreSelection selection, Func<ProvisioningContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.CommandResult.Command.Parents.OfType<Command>().FirstOrDefault() is { } group
                ? $"pigeon {group.Name} {command.Name}"
                : $"pigeon {command.Name}";
            try
            {
                await using var store = await selection.OpenAsync(parse, cancellationToken);
                var output = new CommandOutput(parse.InvocationConfiguration.Output, parse.GetValue(selection.Json));
                return await body(new ProvisioningContext(parse, store, output), cancellationToken);
            }
            catch (ProvisioningFailedException e)
            {
                await error.WriteLineAsync($"{name}: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (NameTakenException e)
            {
                await error.WriteLineAsync($"{name}: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Interrupted;
            }
        });
}
