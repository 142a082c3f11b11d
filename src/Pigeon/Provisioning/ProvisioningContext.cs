using System.CommandLine;
using Pigeon.Gateway.Storage;

namespace Pigeon.Provisioning;

/// <summary>What a provisioning command's body works with: the parsed command line, the open store, the output.</summary>
internal sealed record ProvisioningContext(ParseResult Parse, IGatewayStore Store, CommandOutput Output)
{
    public IProvisioningStore Provisioning => Store.Provisioning;

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}
