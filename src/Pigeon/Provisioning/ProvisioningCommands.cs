using System.CommandLine;

namespace Pigeon.Provisioning;

/// <summary>The operators' provisioning commands, working directly on the store of a data directory or database.</summary>
internal static class ProvisioningCommands
{
    public static void AddTo(Command root)
    {
        var selection = new StoreSelection();
        root.Subcommands.Add(CustomersCommand.Create(selection));
        root.Subcommands.Add(SmppAccountsCommand.Create(selection));
    }
}
