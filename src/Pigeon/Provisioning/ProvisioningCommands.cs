using System.CommandLine;

namespace Pigeon.Provisioning;

/// <summary>
/// The operators' provisioning commands, working directly on the store of a data directory or database. A running
/// `pigeon serve` notices their changes through the store's provisioning version and balance-move feed.
/// </summary>
internal static class ProvisioningCommands
{
    public static void AddTo(Command root)
    {
        var selection = new StoreSelection();
        root.Subcommands.Add(CustomersCommand.Create(selection));
        root.Subcommands.Add(SmppAccountsCommand.Create(selection));
        root.Subcommands.Add(SendersCommand.Create(selection));
        root.Subcommands.Add(NumbersCommand.Create(selection));
        root.Subcommands.Add(SuppliersCommand.Create(selection));
        root.Subcommands.Add(RoutesCommand.Create(selection));
        root.Subcommands.Add(BalanceCommand.Create(selection));
        root.Subcommands.Add(MessagesCommand.Create(selection));
        root.Subcommands.Add(ApiKeysCommand.Create(selection));
        root.Subcommands.Add(WebhooksCommand.Create(selection));
    }
}
